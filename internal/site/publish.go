package site

import (
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/picture"
	"github.com/t4k3news/digest/internal/route"
)

// Publish is the rule that decides which stories are in the site, given
// the build's clock: every output (pages, cards, topic counts, feeds,
// sitemaps, related links, search) is made from the model, so a story the
// rule leaves out is in none of them.
//
// The zero Publish has no clock: it applies no dates, and leaves out only
// drafts and withdrawn stories. Builds and the preview pass their clock.
type Publish struct {
	// Now is the build's time; the zero time applies no dates.
	Now time.Time
	// Drafts, Future and Expired include drafts, stories whose publish date
	// is after Now and stories whose expiry date has come, as Hugo's
	// --buildDrafts, --buildFuture and --buildExpired do.
	Drafts, Future, Expired bool
	// Zone is the time zone the site's pages show times in (the config's
	// timeZone), or nil to show each as written.
	Zone *time.Location
	// Config is the site config, for its topics (titles, descriptions,
	// merged spellings) and menu; nil for none.
	Config *config.Config
	// Images are the site's image files with their sizes, by output name
	// ("images/port.jpg"): the files a story's image may name.
	Images map[string]picture.Size
}

// PublishDate is when the story of m goes out: its publishDate, else its
// date, as in Hugo.
func PublishDate(m *content.Meta) time.Time {
	if !m.PublishDate.IsZero() {
		return m.PublishDate
	}
	return m.Date
}

// Includes reports whether the story of m is in the site. A withdrawn
// story never is: its page says only that it was withdrawn.
func (p Publish) Includes(m *content.Meta) bool {
	return m.Withdrawn == "" && (p.Drafts || !m.Draft) &&
		(p.Future || !p.scheduled(m)) && (p.Expired || !p.expired(m))
}

// scheduled reports whether m goes out after p.Now.
func (p Publish) scheduled(m *content.Meta) bool {
	return !p.Now.IsZero() && PublishDate(m).After(p.Now)
}

// expired reports whether m's expiry date has come by p.Now.
func (p Publish) expired(m *content.Meta) bool {
	return !p.Now.IsZero() && !m.ExpiryDate.IsZero() && !m.ExpiryDate.After(p.Now)
}

// Schedule is what is due to change in a site after the build's clock.
type Schedule struct {
	// Scheduled counts the stories, not drafts or withdrawn, left out until
	// their publish date; Next is the first of those dates, zero if none.
	Scheduled int
	Next      time.Time
	// Change is the first time after the clock at which the rule gives
	// another site (a story goes out or expires); zero if none.
	Change time.Time
}

// Schedule returns what is due in the site of docs after p.Now.
func (p Publish) Schedule(docs []*content.Document) Schedule {
	var s Schedule
	if p.Now.IsZero() {
		return s
	}
	for _, d := range docs {
		m := &d.Meta
		if m.Withdrawn != "" || (m.Draft && !p.Drafts) {
			continue
		}
		if pub := PublishDate(m); !p.Future && pub.After(p.Now) {
			s.Scheduled++
			s.Next = earliest(s.Next, pub)
			s.Change = earliest(s.Change, pub)
		}
		if !p.Expired && m.ExpiryDate.After(p.Now) {
			s.Change = earliest(s.Change, m.ExpiryDate)
		}
	}
	return s
}

// earliest returns the earlier of t, or zero for none, and u.
func earliest(t, u time.Time) time.Time {
	if t.IsZero() || u.Before(t) {
		return u
	}
	return t
}

// New builds the site of the stories p includes from the loaded documents,
// every sidebar complete: a site that New returns is read-only from then
// on. Two stories with the same slug are an error naming both files.
func (p Publish) New(docs []*content.Document, routes *route.Site) (*Site, error) {
	l, err := p.NewLive(docs, routes)
	if err != nil {
		return nil, err
	}
	l.Complete()
	return l.s, nil
}

// NewLive builds the site from docs, as New does, without sidebars.
func (p Publish) NewLive(docs []*content.Document, routes *route.Site) (*Live, error) {
	l, err := newLive(docs, routes, p)
	if err != nil {
		return nil, err
	}
	l.indexAll()
	return l, nil
}

// Reclock moves the model's clock to now and updates the stories among
// docs (every document of the site) whose place in it that changes: a
// scheduled story goes out, an expired one comes down. It returns how
// many changed; on error the model is as it was.
func (l *Live) Reclock(now time.Time, docs []*content.Document) (int, error) {
	old := l.s.pub
	l.s.pub.Now = now
	var changed []*content.Document
	for _, d := range docs {
		if old.Includes(&d.Meta) != l.s.pub.Includes(&d.Meta) {
			changed = append(changed, d)
		}
	}
	if len(changed) == 0 {
		return 0, nil
	}
	if err := l.Update(changed, nil); err != nil {
		l.s.pub = old
		return 0, err
	}
	return len(changed), nil
}

// Publish returns the rule the model was made with, at its clock.
func (l *Live) Publish() Publish { return l.s.pub }
