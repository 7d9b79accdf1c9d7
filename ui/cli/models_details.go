package cli

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// Bounds on the work of rapporteur models: a host may list thousands of models, and fail on
// each of them.
const (
	maxShownModels  = 100 // models listed, each asked for its details
	maxShowFailures = 3   // failures of /api/show in a row after which the others are not asked
)

// modelRow is a model as listed, with its details when the host gave them.
type modelRow struct {
	info      ollama.ModelInfo
	detailed  bool        // info holds /api/show's context length and capabilities
	where     model.Place // where the model writes (see ollama.Client.Locate)
	whereName string
}

// detailFailures sums up the models whose details are unknown, so that many failures make one
// line.
type detailFailures struct {
	failed  int    // /api/show failed
	skipped int    // not asked, after maxShowFailures failures in a row or past the deadline
	expired bool   // the command's deadline passed
	first   string // the first model that failed
	reason  string // why, for the first
}

// count is how many models lack their details.
func (f detailFailures) count() int { return f.failed + f.skipped }

// showDetails asks the host for each model's details (/api/show), in order, until
// maxShowFailures fail in a row or ctx ends; the models not asked keep what the list said.
func showDetails(ctx context.Context, c *ollama.Client, models []ollama.ModelInfo) ([]modelRow, detailFailures) {
	rows := make([]modelRow, len(models))
	var f detailFailures
	inARow := 0
	for i, m := range models {
		rows[i] = modelRow{info: m}
		if inARow >= maxShowFailures || ctx.Err() != nil {
			f.skipped++
			f.expired = f.expired || ctx.Err() != nil
			if f.reason == "" {
				f.first, f.reason = m.Name, strings.TrimSuffix(errorText(ctx.Err()), ".")
			}
			continue
		}
		full, err := c.Show(ctx, m.Name)
		if err != nil {
			if f.failed == 0 {
				f.first, f.reason = m.Name, strings.TrimSuffix(errorText(err), ".")
			}
			f.failed++
			inARow++
			continue
		}
		inARow = 0
		rows[i] = modelRow{info: full, detailed: true}
	}
	for i := range rows {
		rows[i].where, rows[i].whereName = c.Locate(ctx, rows[i].info)
	}
	return rows, f
}

// whereText is a model's WHERE cell: this computer, a machine of the network, or « ☁ » and
// the remote service the report would go to.
func whereText(r modelRow) string {
	name := map[string]any{"Host": model.CleanName(r.whereName)}
	switch r.where {
	case model.PlaceRemote:
		return lang.L("☁ remote ({{.Host}})", name)
	case model.PlaceNetwork:
		return lang.L("network ({{.Host}})", name)
	}
	return lang.L("this computer")
}

// text says, in one line, how many models lack their details and why.
func (f detailFailures) text(shown int) string {
	data := map[string]any{"Count": fmtInt(int64(f.count())), "Shown": fmtInt(int64(shown)), "Name": model.CleanName(f.first), "Reason": f.reason, "Max": maxShowFailures}
	switch {
	case f.expired:
		return lang.L("Details (context, thinking) unknown for {{.Count}} of the {{.Shown}} models listed: {{.Name}}: {{.Reason}}; time ran out before the others were asked.", data)
	case f.skipped > 0:
		return lang.L("Details (context, thinking) unknown for {{.Count}} of the {{.Shown}} models listed: {{.Name}}: {{.Reason}}; after {{.Max}} failures in a row, the host was asked no more.", data)
	}
	return lang.L("Details (context, thinking) unknown for {{.Count}} of the {{.Shown}} models listed: {{.Name}}: {{.Reason}}.", data)
}
