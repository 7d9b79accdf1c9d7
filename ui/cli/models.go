package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// runModels lists the models of an Ollama host: name, parameters, quantisation, context length.
func runModels(e *env, args []string) int {
	fs := newFlags(e, "models")
	host := fs.String("host", ollama.HostFromEnv(), lang.L("Ollama host (default: OLLAMA_HOST or http://127.0.0.1:11434)"))
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(e.stderr, lang.L("Usage: rapporteur models [--host URL]"))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	c, err := ollama.NewClient(*host)
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitUsage
	}
	st := c.Status(ctx)
	if !st.Reachable {
		fmt.Fprintln(e.stderr, lang.L("{{.Host}}: not reachable — {{.Reason}}", map[string]any{"Host": st.Host, "Reason": strings.TrimSuffix(errorText(st.Err), ".")}))
		return exitFailed
	}
	fmt.Fprintln(e.stderr, lang.L("{{.Host}}: Ollama {{.Version}}, {{.Count}} models", map[string]any{"Host": st.Host, "Version": st.Version, "Count": len(st.Models)}))
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tPARAMETERS\tQUANTIZATION\tCONTEXT\tTHINKING")
	status := exitOK
	for _, m := range st.Models {
		full, err := c.Show(ctx, m.Name)
		if err != nil {
			fmt.Fprintln(e.stderr, m.Name+": "+errorText(err))
			status = exitFailed
			full = m
		}
		thinking := "no"
		if full.Thinking() {
			thinking = "yes"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\n", full.Name, full.ParameterSize, full.Quantization, full.ContextLength, thinking)
	}
	if err := w.Flush(); err != nil {
		return exitFailed
	}
	return status
}
