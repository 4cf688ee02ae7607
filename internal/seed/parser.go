package seed

// parser fills an Article from the segments of a seed.
type parser struct {
	a    *Article
	tail []line // lines after the highlights: risk and closing
}

// segment parses one segment according to its kind.
func (p *parser) segment(s segment) {
	switch s.kind {
	case kindStart:
		p.start(s.lines)
	case kindTakeaways:
		p.takeaways(nonBlank(s.lines))
	case kindHighlights:
		p.highlights(nonBlank(s.lines))
	case kindRelated:
		for _, l := range nonBlank(s.lines) {
			p.a.Related = append(p.a.Related, l.para())
		}
	}
}

// start parses the lines before the first marker: the header, if the seed
// opens with a site line, and the body.
func (p *parser) start(lines []line) {
	text := nonBlank(lines)
	if len(text) == 0 || !isSiteLine(text[0].text) {
		p.body(text)
		return
	}
	a := p.a
	a.Site, a.Lines.Site = text[0].text, text[0].num
	if len(text) == 1 {
		return // a site line alone: no article
	}
	block := headerBlock(lines, text[0].num)
	rest := text[1:]
	if len(block) > 0 {
		a.Headline, a.Lines.Headline = rest[0].text, rest[0].num
		rest = rest[1:]
	}
	if len(block) > 1 {
		a.Dek, a.Lines.Dek = rest[0].text, rest[0].num
		rest = rest[1:]
	}
	if len(rest) > 0 {
		a.Lede, a.Lines.Lede = rest[0].text, rest[0].num
		rest = rest[1:]
	}
	if len(rest) > 1 && isHeadline(rest[0].text) {
		a.AltHeadline, a.Lines.AltHeadline = rest[0].text, rest[0].num
		rest = rest[1:]
	}
	p.body(rest)
}

// headerBlock returns the lines after the site line up to the first blank
// line: the headline and dek.
func headerBlock(lines []line, site int) []line {
	var block []line
	for _, l := range lines {
		switch {
		case l.num <= site:
		case l.text == "" && len(block) > 0:
			return block
		case l.text != "":
			block = append(block, l)
		}
	}
	return block
}

// body appends lines as body paragraphs.
func (p *parser) body(lines []line) {
	for _, l := range lines {
		p.a.Body = append(p.a.Body, l.para())
	}
}

// takeaways parses quote/context pairs, then analysis paragraphs. The first
// line that is neither a quote nor the context of the quote before it starts
// the analysis.
func (p *parser) takeaways(lines []line) {
	a := p.a
	pending := false // the last takeaway still lacks its context
	for i, l := range lines {
		if q, ok := unquote(l.text); ok {
			a.Takeaways = append(a.Takeaways, Takeaway{Quote: q, Line: l.num})
			pending = true
			continue
		}
		if pending && isContext(l.text) {
			a.Takeaways[len(a.Takeaways)-1].Context = l.text
			pending = false
			continue
		}
		for _, l := range lines[i:] {
			a.Analysis = append(a.Analysis, l.para())
		}
		return
	}
}

// highlights parses bullets; other lines are kept for the risk and closing.
func (p *parser) highlights(lines []line) {
	for _, l := range lines {
		if b, ok := bullet(l.text); ok {
			p.a.Highlights = append(p.a.Highlights, Para{Text: b, Line: l.num})
			continue
		}
		p.tail = append(p.tail, l)
	}
}

// finish assigns the lines after the highlights: one is the closing line;
// two are the risk heading and paragraph; of more, the last is the closing
// line and those between the risk and it are analysis paragraphs.
func (p *parser) finish() {
	a, t := p.a, p.tail
	if len(t) >= 2 {
		a.Risk = &Risk{Title: t[0].text, Text: t[1].text, Line: t[0].num}
		t = t[2:]
	}
	if len(t) == 0 {
		return
	}
	last := t[len(t)-1]
	for _, l := range t[:len(t)-1] {
		a.Analysis = append(a.Analysis, l.para())
	}
	a.Closing, a.Lines.Closing = last.text, last.num
}
