package site

// Rank is the article's place in the digest, newest first, from 0: the
// share images (internal/card) go to the newest stories.
func (a *Article) Rank() int { return a.n }
