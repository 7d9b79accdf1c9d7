// Command icons writes the application's icon at the sizes desktops look for, in the
// freedesktop layout (hicolor/48x48/apps/fr.rapporteur.app.png …), scaled down from
// assets/Icon.png. packaging/dist.sh puts them in the Debian package:
//
//	go run ./packaging/icons -out DIR/usr/share/icons
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// sizes are the hicolor theme's usual sizes, up to the source's 512 pixels.
var sizes = []int{16, 24, 32, 48, 64, 128, 256, 512}

func main() {
	src := flag.String("src", "assets/Icon.png", "the square PNG icon to scale")
	out := flag.String("out", "", "the icons folder (…/share/icons) to write hicolor/ into")
	name := flag.String("name", "fr.rapporteur.app", "the icon's name, as the desktop entry's Icon=")
	flag.Parse()
	if err := run(*src, *out, *name); err != nil {
		fmt.Fprintln(os.Stderr, "icons:", err)
		os.Exit(1)
	}
}

func run(src, out, name string) error {
	if out == "" {
		return fmt.Errorf("-out is needed")
	}
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	icon, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	if b := icon.Bounds(); b.Dx() != b.Dy() || b.Dx() < sizes[len(sizes)-1] {
		return fmt.Errorf("%s is %dx%d; a square of at least %d pixels is needed", src, b.Dx(), b.Dy(), sizes[len(sizes)-1])
	}
	for _, size := range sizes {
		dir := filepath.Join(out, "hicolor", fmt.Sprintf("%dx%d", size, size), "apps")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := writePNG(filepath.Join(dir, name+".png"), scale(icon, size)); err != nil {
			return err
		}
	}
	return nil
}

// scale returns img resized to size×size, each pixel drawn from all those it covers.
func scale(img image.Image, size int) image.Image {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
