package office

import (
	"archive/zip"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"time"
)

// The OpenDocument namespaces the parts use.
const odfNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
	`xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
	`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
	`xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
	`xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ` +
	`xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ` +
	`xmlns:xlink="http://www.w3.org/1999/xlink" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
	`xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"`

const odtMime = "application/vnd.oasis.opendocument.text"

// writeODT writes d as an OpenDocument text: the mimetype first and uncompressed, as the
// format requires, then the manifest, the metadata, the styles and the content.
func writeODT(w io.Writer, d *document) error {
	body := newOdtBody(d)
	body.document()
	zw := zip.NewWriter(w)
	mt, err := zw.CreateRaw(&zip.FileHeader{Name: "mimetype", Method: zip.Store, CRC32: crc32.ChecksumIEEE([]byte(odtMime)),
		CompressedSize64: uint64(len(odtMime)), UncompressedSize64: uint64(len(odtMime))})
	if err == nil {
		_, err = io.WriteString(mt, odtMime)
	}
	if err != nil {
		return fmt.Errorf("office: write odt: %w", err)
	}
	for _, p := range []struct{ name, data string }{
		{"META-INF/manifest.xml", odtManifest},
		{"meta.xml", odtMeta(d)},
		{"styles.xml", odtStyles(d)},
		{"content.xml", body.content()},
	} {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime(d)})
		if err == nil {
			_, err = io.WriteString(f, p.data)
		}
		if err != nil {
			return fmt.Errorf("office: write odt: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("office: write odt: %w", err)
	}
	return nil
}

const odtManifest = xmlPI + `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
	`<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="` + odtMime + `"/>` +
	`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
	`<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>` +
	`<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>` +
	`</manifest:manifest>`

// odtMeta is meta.xml: the generator, title, subject, keywords, language, creator and date.
func odtMeta(d *document) string {
	p := d.props
	lang, country := langTag(p)
	var b strings.Builder
	b.WriteString(xmlPI + `<office:document-meta ` + odfNS + `><office:meta>`)
	gen := oneLine(p.Generator)
	fmt.Fprintf(&b, "<meta:generator>%s</meta:generator>", esc(strings.Replace(gen, " ", "/", 1)))
	fmt.Fprintf(&b, "<dc:title>%s</dc:title>", esc(oneLine(p.Title)))
	if s := oneLine(p.Subject); s != "" {
		fmt.Fprintf(&b, "<dc:subject>%s</dc:subject>", esc(s))
	}
	for _, k := range p.Keywords {
		if k = oneLine(k); k != "" {
			fmt.Fprintf(&b, "<meta:keyword>%s</meta:keyword>", esc(k))
		}
	}
	fmt.Fprintf(&b, "<meta:initial-creator>%s</meta:initial-creator><dc:creator>%[1]s</dc:creator>", esc(gen))
	fmt.Fprintf(&b, "<dc:language>%s-%s</dc:language>", lang, country)
	if !p.Created.IsZero() {
		t := p.Created.UTC().Format(time.RFC3339)
		fmt.Fprintf(&b, "<meta:creation-date>%s</meta:creation-date><dc:date>%[1]s</dc:date>", t)
	}
	b.WriteString(`</office:meta></office:document-meta>`)
	return b.String()
}

// odtFonts declares the fonts the styles name.
const odtFonts = `<office:font-face-decls>` +
	`<style:font-face style:name="` + docxFont + `" svg:font-family="` + docxFont + `" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
	`<style:font-face style:name="` + codeFont + `" svg:font-family="'` + codeFont + `'" style:font-family-generic="modern" style:font-pitch="fixed"/>` +
	`</office:font-face-decls>`
