package render

// ForSite returns a renderer for one rendering of a whole site, sharing
// r's templates: the fragments that pages ask for with [Page.Cached] are
// rendered once for all the pages it renders, and the memory of pages
// given back with [Renderer.Recycle] is rendered into again. Drop it when
// the site is rendered: it holds every fragment.
func (r *Renderer) ForSite() *Renderer {
	c := *r
	c.fragments = new(fragments)
	c.buffers = new(buffers)
	return &c
}

// Recycle gives back the memory of a page r rendered, once nothing holds
// it any more, for the next page to be rendered into. It does nothing on a
// renderer not made by ForSite.
func (r *Renderer) Recycle(page []byte) {
	if r.buffers != nil {
		r.buffers.put(page)
	}
}

// Drop forgets the fragments and page memory of a renderer made by
// ForSite, once its pages are rendered, so that the memory can go to the
// outputs made after them.
func (r *Renderer) Drop() {
	if r.fragments != nil {
		r.fragments.memo.Clear()
	}
	r.buffers = nil
}
