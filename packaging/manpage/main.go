// Command manpage writes the manual page rapporteur(1), in roff, from the command line's own
// help (`rapporteur help`, in English), so that the page lists exactly the subcommands the
// binary has. packaging/dist.sh puts it in the Debian package:
//
//	go run ./packaging/manpage -version 0.2.0 -date 2026-12-04 > rapporteur.1
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/ui/cli"
	_ "github.com/rapporteur/rapporteur/ui/cli/quietlog" // Fyne's complaints about a C locale stay off the terminal
)

func main() {
	version := flag.String("version", "", "the version the page describes")
	date := flag.String("date", time.Now().Format("2006-01-02"), "the page's date, YYYY-MM-DD")
	flag.Parse()
	os.Setenv("RAPPORTEUR_LANG", "en")
	var help, errs bytes.Buffer
	if status := cli.Run([]string{"help"}, *version, &help, &errs); status != 0 {
		fmt.Fprintf(os.Stderr, "manpage: rapporteur help: status %d: %s", status, errs.String())
		os.Exit(1)
	}
	entries, exit, err := parseHelp(help.String())
	if err == nil {
		err = writePage(os.Stdout, *version, *date, entries, exit)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "manpage:", err)
		os.Exit(1)
	}
}

// entry is one usage of the command: its synopsis (rapporteur compare --source …) and what
// it does.
type entry struct {
	synopsis, description string
}

// columns splits a help line where two spaces or more separate its fields.
var columns = regexp.MustCompile(`\s{2,}`)

// parseHelp reads the help's usages (each a line starting with "rapporteur", its synopsis
// possibly continued on the next lines, its description after a gap or on a line of its own,
// further right) and the paragraph on the exit status.
func parseHelp(help string) ([]entry, string, error) {
	usage, rest, ok := strings.Cut(help, "\n\n")
	if !ok || !strings.HasPrefix(usage, "Usage:\n") {
		return nil, "", fmt.Errorf("the help does not start with a usage block: %q", help)
	}
	var entries []entry
	descColumn := 0
	for _, line := range strings.Split(strings.TrimPrefix(usage, "Usage:\n"), "\n") {
		text := strings.TrimSpace(line)
		indent := len(line) - len(strings.TrimLeft(line, " "))
		fields := columns.Split(text, -1)
		switch {
		case strings.HasPrefix(text, "rapporteur"):
			entries = append(entries, entry{synopsis: fields[0]})
			if len(fields) > 1 {
				descColumn = strings.LastIndex(line, fields[len(fields)-1])
			}
		case len(entries) == 0:
			return nil, "", fmt.Errorf("usage line before any command: %q", line)
		case descColumn > 0 && indent >= descColumn:
			fields = []string{"", text}
		}
		e := &entries[len(entries)-1]
		if !strings.HasPrefix(text, "rapporteur") && fields[0] != "" {
			e.synopsis += " " + fields[0]
		}
		if len(fields) > 1 {
			e.description = strings.TrimSpace(e.description + " " + strings.Join(fields[1:], " "))
		}
	}
	for _, e := range entries {
		if e.description == "" {
			return nil, "", fmt.Errorf("no description for %q", e.synopsis)
		}
	}
	exit := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "Exit status:"))
	return entries, exit, nil
}

// writePage writes the manual page in roff (man macros).
func writePage(w io.Writer, version, date string, entries []entry, exit string) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH RAPPORTEUR 1 %s %s \"User Commands\"\n", quote(date), quote("Rapporteur "+version))
	b.WriteString(".SH NAME\nrapporteur \\- compare AI\\-written variants of a session report with its source\n")
	b.WriteString(".SH SYNOPSIS\n.nf\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\n", code(e.synopsis))
	}
	b.WriteString("\\fBrapporteur \\-\\-version\\fR\n.fi\n")
	b.WriteString(description)
	b.WriteString(".SH COMMANDS\n")
	for _, e := range entries {
		fmt.Fprintf(&b, ".TP\n%s\n%s\n", code(e.synopsis), prose(e.description))
	}
	b.WriteString(".TP\n\\fBrapporteur \\-\\-version\\fR\nprint the version and exit\n")
	fmt.Fprintf(&b, ".SH EXIT STATUS\n%s\n", prose(exit))
	b.WriteString(environment)
	_, err := io.WriteString(w, b.String())
	return err
}

const description = `.SH DESCRIPTION
Rapporteur helps the people who run citizen\-participation sessions publish their report.
It writes variants of a report (short synthesis, key points, decisions and next steps...)
with the built\-in engine or with language models served by Ollama or an OpenAI\-compatible
server, shows them side by side with the source, and exports the comparison as a PDF.
Nothing leaves the computer except towards the servers you name.
.PP
Without a command, \fBrapporteur\fR opens the application's window.
With a command, it runs without a window and writes to the terminal.
`

const environment = `.SH ENVIRONMENT
.TP
.B RAPPORTEUR_LANG
the language of the messages, \fBfr\fR or \fBen\fR (by default the system's)
.TP
.B OLLAMA_HOST
the Ollama host used when none is given (by default http://127.0.0.1:11434)
.TP
.B RAPPORTEUR_API_KEY
the API key \fBcompare \-\-engine openai\fR sends to its server; without it, the key the
application keeps for that server in the system keyring
.SH FILES
.TP
.I ~/.local/share/rapporteur/workspace.db
the workspace: every report, variant and setting, in one SQLite file
(\fI$XDG_DATA_HOME/rapporteur\fR when that variable is set).
Removing the package leaves it in place.
.TP
.I ~/.config/rapporteur/api-keys.json
the API keys of OpenAI\-compatible servers, readable by their owner only, where no system
keyring answers; otherwise they are in the keyring.
`

// code formats a synopsis: the command's name in bold, every hyphen a minus sign.
func code(s string) string {
	s = escape(strings.ReplaceAll(s, "…", "..."))
	s = strings.ReplaceAll(s, "-", `\-`)
	name, args, _ := strings.Cut(s, " ")
	return `\fB` + name + `\fR ` + args
}

// prose escapes running text.
func prose(s string) string {
	return escape(strings.ReplaceAll(s, "…", "..."))
}

// escape makes s plain roff text: a backslash printed as such, and no line taken for a
// request.
func escape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// quote makes s one argument of a roff request.
func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
