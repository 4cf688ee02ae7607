package site

import (
	"slices"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

// deskDocs are one story of each kind the publish rule tells apart, with
// the build's clock at day(10).
func deskDocs() []*content.Document {
	out := doc("content/out.md", "out", day(1), "1.txt", "Trade")
	draft := doc("content/draft.md", "draft", day(2), "2.txt", "Secret")
	draft.Meta.Draft = true
	future := doc("content/future.md", "future", day(12), "3.txt", "Trade")
	later := doc("content/later.md", "later", day(3), "4.txt")
	later.Meta.PublishDate = day(15)
	expired := doc("content/expired.md", "expired", day(4), "5.txt")
	expired.Meta.ExpiryDate = day(10) // at the clock: down
	expiring := doc("content/expiring.md", "expiring", day(5), "6.txt")
	expiring.Meta.ExpiryDate = day(11)
	gone := doc("content/gone.md", "gone", day(6), "7.txt")
	gone.Meta.Withdrawn = "legal"
	return []*content.Document{out, draft, future, later, expired, expiring, gone}
}

func TestPublish(t *testing.T) {
	routes, _ := route.New("/")
	now := day(10)
	tests := []struct {
		name string
		pub  Publish
		want []string
	}{
		{"no clock", Publish{}, []string{"future", "expiring", "expired", "later", "out"}},
		{"at the clock", Publish{Now: now}, []string{"expiring", "out"}},
		{"drafts", Publish{Now: now, Drafts: true}, []string{"expiring", "draft", "out"}},
		{"future", Publish{Now: now, Future: true}, []string{"future", "expiring", "later", "out"}},
		{"expired", Publish{Now: now, Expired: true}, []string{"expiring", "expired", "out"}},
		{"all", Publish{Now: now, Drafts: true, Future: true, Expired: true}, []string{"future", "expiring", "expired", "later", "draft", "out"}},
	}
	for _, tt := range tests {
		s, err := tt.pub.New(deskDocs(), routes)
		if err != nil {
			t.Fatal(err)
		}
		if got := slugs(s.Articles); !slices.Equal(got, tt.want) {
			t.Errorf("%s: articles = %v, want %v", tt.name, got, tt.want)
		}
		for _, a := range s.Articles {
			if !tt.pub.Includes(a.Meta) {
				t.Errorf("%s: %s is in the site but not included", tt.name, a.Meta.Slug)
			}
		}
	}
	s, _ := Publish{Now: now}.New(deskDocs(), routes)
	var topics []string
	for _, tp := range s.Topics {
		topics = append(topics, tp.Name+":"+slugs(tp.Articles)[0])
	}
	if want := []string{"Trade:out"}; !slices.Equal(topics, want) {
		t.Errorf("topics = %v, want %v (no topic of a draft, no count of a future story)", topics, want)
	}
}

func TestSchedule(t *testing.T) {
	now := day(10)
	got := Publish{Now: now}.Schedule(deskDocs())
	want := Schedule{Scheduled: 2, Next: day(12), Change: day(11)}
	if got != want {
		t.Errorf("Schedule = %+v, want %+v", got, want)
	}
	if got := (Publish{Now: now, Future: true}).Schedule(deskDocs()); got != (Schedule{Change: day(11)}) {
		t.Errorf("with Future, Schedule = %+v, want only the expiry at day 11", got)
	}
	if got := (Publish{}).Schedule(deskDocs()); got != (Schedule{}) {
		t.Errorf("without a clock, Schedule = %+v, want none", got)
	}
}

func TestLiveUpdateFollowsPublish(t *testing.T) {
	routes, _ := route.New("/")
	l, err := Publish{Now: day(10)}.NewLive(deskDocs()[:1], routes)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Update(deskDocs()[1:], nil); err != nil {
		t.Fatal(err)
	}
	if got, want := slugs(l.Site().Articles), []string{"expiring", "out"}; !slices.Equal(got, want) {
		t.Errorf("after Update, articles = %v, want %v", got, want)
	}
}

func TestPublishDateFallsBackToDate(t *testing.T) {
	m := &content.Meta{Date: day(3)}
	if got := PublishDate(m); !got.Equal(day(3)) {
		t.Errorf("PublishDate = %v, want the date", got)
	}
	m.PublishDate = day(4)
	if got := PublishDate(m); !got.Equal(day(4)) {
		t.Errorf("PublishDate = %v, want publishDate", got)
	}
}
