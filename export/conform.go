package export

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfcpu reads no configuration file and writes none in the user's home.
func init() { pdfmodel.ConfigPath = "disable" }

// conformPDF rewrites the PDF that fpdf wrote so that it meets the standard strictly (pdfcpu's
// strict validation): fpdf gives every outline item a /Count of 0, even one with children,
// and writes link annotations directly in a page's /Annots array, where the standard wants
// references to them. The document is read, those two things are corrected, and it is
// written to w.
func conformPDF(data []byte, w io.Writer) error {
	conf := pdfmodel.NewDefaultConfiguration()
	conf.ValidationMode = pdfmodel.ValidationRelaxed
	conf.WriteObjectStream, conf.WriteXRefStream = false, false // plain objects, as fpdf writes them
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return fmt.Errorf("read back: %w", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return fmt.Errorf("read back: %w", err)
	}
	if err := conformAnnotations(ctx.XRefTable); err != nil {
		return err
	}
	if err := conformOutline(ctx.XRefTable); err != nil {
		return err
	}
	return api.WriteContext(ctx, w)
}

// conformAnnotations makes every annotation written in a page's /Annots array an indirect
// object referenced from it.
func conformAnnotations(xt *pdfmodel.XRefTable) error {
	for i := 1; i <= xt.PageCount; i++ {
		page, _, _, err := xt.PageDict(i, false)
		if err != nil || page == nil {
			return fmt.Errorf("page %d: %w", i, err)
		}
		annots, err := xt.DereferenceArray(page["Annots"])
		if err != nil {
			return fmt.Errorf("page %d annotations: %w", i, err)
		}
		for j, a := range annots {
			d, ok := a.(types.Dict)
			if !ok {
				continue
			}
			ref, err := xt.IndRefForNewObject(d)
			if err != nil {
				return err
			}
			annots[j] = *ref
		}
	}
	return nil
}

// conformOutline gives every outline item with children a /Count: the number of its
// descendants, positive so that the outline opens unfolded.
func conformOutline(xt *pdfmodel.XRefTable) error {
	root, err := xt.Catalog()
	if err != nil {
		return err
	}
	outlines, err := xt.DereferenceDict(root["Outlines"])
	if err != nil || outlines == nil {
		return err
	}
	_, err = countOutline(xt, outlines["First"], 0)
	return err
}

// countOutline sets the /Count of the items from first on and their descendants, and returns
// how many items there are. depth bounds the recursion on a damaged tree.
func countOutline(xt *pdfmodel.XRefTable, first types.Object, depth int) (int, error) {
	if depth > 32 {
		return 0, fmt.Errorf("outline deeper than 32 levels")
	}
	n := 0
	for item := first; item != nil; n++ {
		d, err := xt.DereferenceDict(item)
		if err != nil || d == nil || n > 100000 {
			return n, err
		}
		kids, err := countOutline(xt, d["First"], depth+1)
		if err != nil {
			return n, err
		}
		if kids > 0 {
			d["Count"] = types.Integer(kids)
		} else {
			delete(d, "Count")
		}
		n += kids
		item = d["Next"]
	}
	return n, nil
}
