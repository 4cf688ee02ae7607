package site

// Rank is the article's place in the digest (Site.Articles), newest first,
// from 0: the share images (internal/card) go to the newest stories. It
// means nothing for a withdrawn story, which is in no listing.
func (a *Article) Rank() int { return a.n }
