package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// modelsTimeout bounds rapporteur models as a whole; tests shorten it.
var modelsTimeout = 2 * time.Minute

// runModels lists the models of an Ollama host: name, parameters, quantisation, context length.
// It lists at most maxShownModels, says how many it left out, and exits 1 when the host
// cannot list them or a model's details could not be read.
func runModels(e *env, args []string) int {
	fs := newFlags(e, "models")
	host := fs.String("host", ollama.HostFromEnv(), lang.L("Ollama host (default: OLLAMA_HOST or http://127.0.0.1:11434)"))
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(e.stderr, lang.L("Usage: rapporteur models [--host URL]"))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, modelsTimeout)
	defer cancel()
	c, err := ollama.NewClient(*host)
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitUsage
	}
	st := c.Status(ctx)
	reason := map[string]any{"Host": st.Host, "Reason": strings.TrimSuffix(errorText(st.Err), ".")}
	switch {
	case !st.Reachable:
		fmt.Fprintln(e.stderr, lang.L("{{.Host}}: not reachable — {{.Reason}}", reason))
		return exitFailed
	case st.Err != nil:
		fmt.Fprintln(e.stderr, lang.L("{{.Host}}: Ollama answers, but its models cannot be listed — {{.Reason}}", reason))
		return exitFailed
	}
	total := len(st.Models) + st.Omitted
	head := map[string]any{"Host": st.Host, "Version": model.CleanName(st.Version), "Count": fmtInt(int64(total))}
	if total == 1 {
		fmt.Fprintln(e.stderr, lang.L("{{.Host}}: Ollama {{.Version}}, 1 model", head))
	} else {
		fmt.Fprintln(e.stderr, lang.L("{{.Host}}: Ollama {{.Version}}, {{.Count}} models", head))
	}
	shown := st.Models[:min(len(st.Models), maxShownModels)]
	rows, failed := showDetails(ctx, c, shown)
	if err := printModels(e.stdout, rows); err != nil {
		return exitFailed
	}
	for _, r := range rows {
		if r.where == model.PlaceRemote {
			fmt.Fprintln(e.stderr, model.CleanName(r.info.Name)+": "+lang.L("☁ remote — the report leaves this computer (to {{.Host}})", map[string]any{"Host": model.CleanName(r.whereName)})+" "+lang.L("(compare uses it only with --allow-remote)"))
		}
	}
	if left := total - len(shown); left > 0 {
		fmt.Fprintln(e.stderr, lang.L("{{.Left}} more models not shown: at most {{.Max}} are listed.", map[string]any{"Left": fmtInt(int64(left)), "Max": maxShownModels}))
	}
	if failed.count() > 0 {
		fmt.Fprintln(e.stderr, failed.text(len(shown)))
		return exitFailed
	}
	return exitOK
}

// printModels writes the table of models; a model whose details are unknown shows « ? » for
// its context and thinking.
func printModels(out io.Writer, rows []modelRow) error {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tPARAMETERS\tQUANTIZATION\tCONTEXT\tTHINKING\tWHERE")
	for _, r := range rows {
		m := r.info
		ctxLen, thinking := "?", "?"
		if r.detailed {
			ctxLen, thinking = fmt.Sprint(m.ContextLength), "no"
			if m.Thinking() {
				thinking = "yes"
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", model.CleanName(m.Name), model.CleanName(m.ParameterSize), model.CleanName(m.Quantization), ctxLen, thinking, whereText(r))
	}
	return w.Flush()
}
