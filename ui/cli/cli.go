package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// Exit statuses.
const (
	exitOK     = 0 // every variant is done
	exitFailed = 1 // a variant failed, or a file could not be read or written
	exitUsage  = 2 // bad usage
)

// errUsage marks errors of usage (exit status 2); their message is already printed.
var errUsage = errors.New("usage")

// commands maps each subcommand to its function.
var commands = map[string]func(env *env, args []string) int{
	"presets": runPresets,
	"compare": runCompare,
	"models":  runModels,
	"check":   runCheck,
	"render":  runRender,
	"import":  runImport,
	"help":    runHelp,
}

// IsCommand reports whether name is a subcommand (or a request for help) rather than a flag of the
// desktop application.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "-h" || name == "--help" || name == "-help"
}

// env is what a subcommand writes to.
type env struct {
	version        string
	stdout, stderr io.Writer
}

// Run runs the subcommand args[0] with its arguments and returns the exit status.
func Run(args []string, version string, stdout, stderr io.Writer) int {
	_ = i18n.LoadTranslations(os.Getenv("RAPPORTEUR_LANG"))
	out, errOut := newCleanWriter(stdout), newCleanWriter(stderr)
	defer out.flush()
	defer errOut.flush()
	e := &env{version: version, stdout: out, stderr: errOut}
	if len(args) == 0 {
		return runHelp(e, nil)
	}
	cmd, ok := commands[args[0]]
	if IsCommand(args[0]) && !ok { // -h, --help
		return runHelp(e, nil)
	}
	if !ok {
		fmt.Fprintln(e.stderr, lang.L("Unknown command {{.Name}}; `rapporteur help` lists the commands.", map[string]any{"Name": args[0]}))
		return exitUsage
	}
	return cmd(e, args[1:])
}

func runHelp(e *env, _ []string) int {
	fmt.Fprint(e.stdout, lang.L(`Usage:
  rapporteur [--workspace PATH]       open the application
  rapporteur presets [--file F.json]  list the presets (id, then name), with those of a shared file
  rapporteur models [--host URL]      list the models of an Ollama host
  rapporteur compare --source FILE.md [--engine builtin|ollama] [--host URL] [--models m1,m2]
                     [--options temperature=0.2,seed=42] [--presets id,id] [--preset-file F.json]
                     [--pdf OUT.pdf] [--json OUT.json] [--workspace PATH] [--allow-remote]
                                      generate variants of a report and write the comparison
  rapporteur check --source SOURCE.md VARIANT.md… [--json OUT.json]
                                      facts kept, lost and introduced by each variant, and its measures
  rapporteur render FILE.md [--pdf OUT.pdf] [--md OUT.md] [--docx OUT.docx] [--odt OUT.odt]
                     [--disclosure TEXT]
                                      the report alone, as a final PDF (with its Markdown), Word or OpenDocument file
  rapporteur import FILE [--workspace PATH]
                                      add a file to the workspace as a new report; prints its id
`))
	fmt.Fprintln(e.stdout)
	fmt.Fprintln(e.stdout, lang.L("Exit status: 0 when everything asked was done; 1 when something failed (a variant, the host, a file that cannot be read or written: output files are checked before any work); 2 when the command line is wrong (unknown command or flag, missing argument, value out of range)."))
	return exitOK
}

// runPresets prints one preset a line: its id, a tab, its name; with --file, the presets of
// a shared file follow the built-in ones.
func runPresets(e *env, args []string) int {
	fs := newFlags(e, "presets")
	file := fs.String("file", "", lang.L("a file of presets shared from Rapporteur, listed after the built-in ones"))
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(e.stderr, lang.L("Usage: rapporteur presets [--file SHARED.json]"))
		return exitUsage
	}
	all, err := loadPresets(*file)
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	for _, p := range all {
		fmt.Fprintf(e.stdout, "%s\t%s\n", p.ID, model.CleanName(p.Name.In(i18n.CurrentLanguage())))
	}
	return exitOK
}

// newFlags returns a flag set that prints its errors to e.stderr.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// errorText explains err for the command line, on one line cleaned of control characters (it
// may quote a host or a file): like the application, but pointing to --host and OLLAMA_HOST
// rather than to the settings window.
func errorText(err error) string {
	return model.CleanName(explain(err))
}

// explain explains err for the command line.
func explain(err error) string {
	if text := outputText(err); text != "" {
		return text
	}
	switch generate.CodeOf(err) {
	case generate.CodeTimeout: // a deadline, not the user, stopped it: never « cancelled by you »
		return lang.L("the host did not answer in time.")
	case generate.CodeHostUnreachable:
		return lang.L("Ollama does not answer at this address: is it started? Check --host or OLLAMA_HOST.")
	case generate.CodeBadHost:
		return lang.L("The Ollama address is not valid (expected http://name:port); check --host or OLLAMA_HOST.")
	case generate.CodeRemoteRefused:
		return lang.L("this model sends the report outside this computer and its network; nothing was sent. Add --allow-remote to use it anyway.")
	}
	return i18n.ErrorText(err)
}

// variantErrorText explains why a variant stopped, for the command line.
func variantErrorText(v model.Variant) string {
	switch code := generate.ErrorCode(v.ErrorCode); code {
	case generate.CodeHostUnreachable, generate.CodeBadHost, generate.CodeTimeout, generate.CodeRemoteRefused:
		return errorText(&generate.Error{Code: code})
	}
	return model.CleanName(i18n.VariantErrorText(v))
}
