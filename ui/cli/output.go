package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"syscall"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/export"
)

// output is a file a command writes, and the flag that named it.
type output struct{ flag, path string }

// checkOutputs checks, before any work, that each named output can be written: its folder
// exists and accepts a file, and it is not a folder, a device or a pipe. It prints what is
// wrong and returns the exit status: exitOK, exitFailed for a path that cannot be written,
// exitUsage for two outputs naming one file.
func checkOutputs(e *env, outs ...output) int {
	seen := map[string]string{}
	for _, o := range outs {
		if o.path == "" {
			continue
		}
		abs, err := filepath.Abs(o.path)
		if err != nil {
			abs = o.path
		}
		if first, ok := seen[abs]; ok {
			fmt.Fprintln(e.stderr, lang.L("{{.First}} and {{.Second}} name the same file, {{.Path}}: give each its own.", map[string]any{"First": first, "Second": o.flag, "Path": o.path}))
			return exitUsage
		}
		seen[abs] = o.flag
		if err := export.CheckOutput(o.path); err != nil {
			fmt.Fprintln(e.stderr, errorText(err))
			return exitFailed
		}
	}
	return exitOK
}

// outputText explains why a file cannot be written; "" when err says something else.
func outputText(err error) string {
	var oe *export.OutputError
	if !errors.As(err, &oe) {
		return ""
	}
	data := map[string]any{"Path": oe.Path, "Dir": filepath.Dir(oe.Path)}
	switch oe.Problem {
	case export.OutputNoFolder:
		return lang.L("Cannot write {{.Path}}: the folder {{.Dir}} does not exist.", data)
	case export.OutputNotFolder:
		return lang.L("Cannot write {{.Path}}: {{.Dir}} is a file, not a folder.", data)
	case export.OutputIsFolder:
		return lang.L("Cannot write {{.Path}}: it is a folder; give a file name in it.", data)
	case export.OutputNotRegular:
		return lang.L("Cannot write {{.Path}}: it is not an ordinary file (a device or a pipe); Rapporteur writes only files.", data)
	case export.OutputNoName:
		return lang.L("No file name given.")
	}
	if errors.Is(err, syscall.EROFS) {
		return lang.L("Cannot write {{.Path}}: the disk of {{.Dir}} is read-only.", data)
	}
	return lang.L("Cannot write {{.Path}}: {{.Err}}", map[string]any{"Path": oe.Path, "Err": errorText(oe.Err)})
}

// writeJSON writes v indented to path as export writes its files: through a temporary file,
// so a failure leaves no half file, with the permissions os.Create would give.
func writeJSON(path string, v any) error {
	return export.SaveFile(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	})
}

// saved reports a failed write and tells whether it succeeded.
func saved(e *env, path string, err error) bool {
	if err == nil {
		return true
	}
	if text := outputText(err); text != "" {
		fmt.Fprintln(e.stderr, text)
	} else {
		fmt.Fprintln(e.stderr, lang.L("Cannot write {{.Path}}: {{.Err}}", map[string]any{"Path": path, "Err": errorText(err)}))
	}
	return false
}
