package picture

import (
	"bytes"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
)

func TestMeasure(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	var p, j, g bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := gif.Encode(&g, img, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		w, h int
	}{
		{"a.png", p.Bytes(), 40, 30},
		{"a.JPG", j.Bytes(), 40, 30},
		{"a.gif", g.Bytes(), 40, 30},
		{"a.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80"></svg>`), 120, 80},
		{"b.svg", []byte(`<svg viewBox="0 0 300 150.4"/>`), 300, 150},
		{"c.svg", []byte(`<svg width="100%" height="50%"/>`), 0, 0},
		{"d.svg", []byte(`<html/>`), 0, 0},
		{"a.png", []byte("not a png"), 0, 0},
		{"a.avif", []byte("...."), 0, 0},
	}
	for _, tt := range tests {
		if got := Measure(tt.name, tt.data); got != (Size{tt.w, tt.h}) {
			t.Errorf("Measure(%s) = %v, want %d×%d", tt.name, got, tt.w, tt.h)
		}
	}
	if !Is("x/y.JPEG") || !Is("a.svg") || Is("a.md") || Is("jpg") {
		t.Error("Is: wrong")
	}
}
