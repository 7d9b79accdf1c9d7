package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestSizes writes every size from a 512-pixel icon whose left half is opaque red and right
// half transparent, and checks each file's size and that the halves stay apart.
func TestSizes(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 512, 512))
	for y := range 512 {
		for x := range 256 {
			src.SetNRGBA(x, y, color.NRGBA{R: 255, A: 255})
		}
	}
	dir := t.TempDir()
	srcPath := filepath.Join(dir, "Icon.png")
	if err := writePNG(srcPath, src); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "icons")
	if err := run(srcPath, out, "app.id"); err != nil {
		t.Fatal(err)
	}
	for _, size := range sizes {
		path := filepath.Join(out, "hicolor", fmt.Sprintf("%dx%d", size, size), "apps", "app.id.png")
		img := readPNG(t, path)
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("%s is %v", path, b)
			continue
		}
		left := color.NRGBAModel.Convert(img.At(0, size/2)).(color.NRGBA)
		right := color.NRGBAModel.Convert(img.At(size-1, size/2)).(color.NRGBA)
		if left != (color.NRGBA{R: 255, A: 255}) || right.A != 0 {
			t.Errorf("%d: left %v, right %v", size, left, right)
		}
	}
}

// TestRefusesSmallOrOblong refuses a source that would be scaled up or distorted.
func TestRefusesSmallOrOblong(t *testing.T) {
	dir := t.TempDir()
	for _, r := range []image.Rectangle{image.Rect(0, 0, 256, 256), image.Rect(0, 0, 512, 600)} {
		path := filepath.Join(dir, "icon.png")
		if err := writePNG(path, image.NewNRGBA(r)); err != nil {
			t.Fatal(err)
		}
		if err := run(path, filepath.Join(dir, "out"), "x"); err == nil {
			t.Errorf("a %v icon was accepted", r)
		}
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
