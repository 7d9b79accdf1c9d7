package export

import (
	"fmt"
	"strconv"
	"strings"
)

// supportLine draws under the summary table, from the rule at y, how many sentences of each
// variant the source does not support, and returns the y under it; it draws nothing when no
// variant was analysed.
func (d *document) supportLine(y float64) float64 {
	counts, any := d.unsupportedCounts()
	if !any {
		return y
	}
	lab := markLabelsFor(d.c.Language)
	parts := make([]string, len(counts))
	for i, n := range counts {
		parts[i] = fmt.Sprintf(d.lab.variant, i+1) + lab.colon + n
	}
	head := lab.unsupportedCount + " — "
	base := y + 5
	d.fill(marginX, base-2.6, 0.7, 3.4, colorUnsupBar)
	d.text(marginX+2, base, style{"B", 7.5}, colorText, head)
	x := marginX + 2 + d.width(style{"B", 7.5}, head)
	return d.paragraph(x, base, pageW-marginX-x, smallMuted, colorText, strings.Join(parts, " · "), 3.8) - 1
}

// unsupportedCounts gives, for each variant in order, how many of its sentences the source does
// not support, or a dash when it has no analysis; any reports whether one has.
func (d *document) unsupportedCounts() (counts []string, any bool) {
	counts = make([]string, len(d.c.Variants))
	for i, v := range d.c.Variants {
		va, ok := d.va[v.ID]
		if !ok {
			counts[i] = dash
			continue
		}
		any = true
		n := 0
		for _, s := range va.Sentences {
			if s.Unsupported {
				n++
			}
		}
		counts[i] = strconv.Itoa(n)
	}
	return counts, any
}
