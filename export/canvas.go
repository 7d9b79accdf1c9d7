package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/rapporteur/rapporteur/model"
)

// canvas is a PDF drawn with the embedded fonts, the ground both the comparison document and
// the report draw on. It remembers the font and the text colour selected, so that each is set
// only when it changes; canvas is a measurer.
type canvas struct {
	pdf   *fpdf.Fpdf
	fs    *fontSet
	st    style // the font currently selected
	color rgb   // the text colour currently selected
}

// newCanvas starts an A4 PDF in orientation "P" or "L" with the embedded fonts, no automatic
// page break, and the given side and top margins.
func newCanvas(orientation string, fs *fontSet, side, top float64) canvas {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "mm", SizeStr: "A4"})
	pdf.AliasNbPages(pageAlias) // before the fonts: it changes how they are subset
	for _, face := range fontFaces {
		pdf.AddUTF8FontFromBytes(fontFamily, face.style, fs.data[face.style])
	}
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(side, top, side)
	return canvas{pdf: pdf, fs: fs, color: rgb{-1, -1, -1}}
}

// forget makes the next text select its font and colour again, as a new page or a return to
// an earlier page needs.
func (c *canvas) forget() {
	c.st, c.color = style{}, rgb{-1, -1, -1}
}

// width measures s in style st, selecting the font when it changes.
func (c *canvas) width(st style, s string) float64 {
	c.use(st)
	return c.pdf.GetStringWidth(s)
}

// use selects the font st unless it is already selected.
func (c *canvas) use(st style) {
	if st != c.st {
		c.pdf.SetFont(fontFamily, st.face, st.size)
		c.st = st
	}
}

// ink selects the text colour col unless it is already selected.
func (c *canvas) ink(col rgb) {
	if col != c.color {
		c.pdf.SetTextColor(col.r, col.g, col.b)
		c.color = col
	}
}

// text draws s with its baseline at (x, y).
func (c *canvas) text(x, y float64, st style, col rgb, s string) {
	if s == "" {
		return
	}
	c.use(st)
	c.ink(col)
	c.pdf.Text(x, y, s)
}

// textRight draws s ending at x.
func (c *canvas) textRight(x, y float64, st style, col rgb, s string) {
	c.text(x-c.width(st, s), y, st, col, s)
}

// fit shortens s with an ellipsis until it is no wider than w.
func (c *canvas) fit(st style, s string, w float64) string {
	if c.width(st, s) <= w {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimSpace(string(rs[:n])) + "…"
		if c.width(st, t) <= w {
			return t
		}
	}
	return ""
}

// rule draws a horizontal rule.
func (c *canvas) rule(x1, x2, y, weight float64, col rgb) {
	c.pdf.SetDrawColor(col.r, col.g, col.b)
	c.pdf.SetLineWidth(weight)
	c.pdf.Line(x1, y, x2, y)
}

// fill paints a rectangle in col.
func (c *canvas) fill(x, y, w, h float64, col rgb) {
	c.pdf.SetFillColor(col.r, col.g, col.b)
	c.pdf.Rect(x, y, w, h, "F")
}

// docInfo is what a PDF's document information says.
type docInfo struct {
	title, author, subject string
	keywords               []string // the blank ones are left out
	version                string   // Rapporteur's, recorded as the creator
	lang                   model.Language
	date                   time.Time // of creation; none when zero
}

// setInfo records the document information of the PDF.
func (c *canvas) setInfo(i docInfo) {
	c.pdf.SetTitle(i.title, true)
	c.pdf.SetAuthor(cleanLine(i.author, c.fs), true)
	c.pdf.SetSubject(cleanLine(i.subject, c.fs), true)
	c.pdf.SetKeywords(strings.Join(nonEmpty(i.keywords), ", "), true)
	c.pdf.SetCreator(cleanLine(strings.TrimSpace("Rapporteur "+i.version), c.fs), true)
	c.pdf.SetLang(string(i.lang))
	if !i.date.IsZero() {
		c.pdf.SetCreationDate(i.date)
		c.pdf.SetModificationDate(i.date)
	}
}

// footer is what the foot of every page shows, and where.
type footer struct {
	left, right float64 // the edges of the text
	ruleY, base float64 // the rule above the footer, the baseline of its first line
	st          style   // the type of the page number; the note is in its italic
	ink, line   rgb     // the colours of the text and of the rule
	note        string  // the notice on the left, at most two lines
	page        string  // the format of « Page N sur M », N an int and M a string
}

// footers draws the footer on every page once the document is complete: a rule, the note on
// the left and the page number on the right. fpdf fills in the total from the alias; the
// number is right-aligned on the width of the real total.
func (c *canvas) footers(f footer) {
	total := c.pdf.PageCount()
	italic := style{"I", f.st.size}
	for n := 1; n <= total; n++ {
		c.pdf.SetPage(n)
		c.forget()
		c.rule(f.left, f.right, f.ruleY, 0.2, f.line)
		realW := c.width(f.st, fmt.Sprintf(f.page, n, strconv.Itoa(total)))
		c.text(f.right-realW, f.base, f.st, f.ink, fmt.Sprintf(f.page, n, pageAlias))
		for i, line := range wrapText(c, italic, f.note, f.right-f.left-realW-8) {
			if i == 2 {
				break
			}
			c.text(f.left, f.base+float64(i)*3.3, italic, f.ink, line)
		}
	}
}

// nonEmpty returns the strings of ss that are not blank.
func nonEmpty(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
