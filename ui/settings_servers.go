package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/keys"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// serverList edits the configured servers: a row each (kind, address, variants at once, API
// key, remove) and a button to add one.
type serverList struct {
	app   fyne.App
	keys  *keys.Store
	win   fyne.Window
	rows  []*serverRow
	box   *fyne.Container
	add   *widget.Button
	where *widget.Label // where the API keys are kept
	// background runs the keyring's work off the UI thread (it may wait for the user to
	// unlock it).
	background func(func())
}

// serverRow is one server being edited.
type serverRow struct {
	kind     *uikit.Choice[string]
	addr     *widget.Entry
	parallel *widget.Entry
	key      *widget.Button
	remove   *widget.Button
	line     *fyne.Container
}

func newServerList(a fyne.App, win fyne.Window, ks *keys.Store, background func(func())) *serverList {
	l := &serverList{app: a, keys: ks, win: win, box: container.NewVBox(), background: background}
	l.where = widget.NewLabel("")
	l.where.Wrapping = fyne.TextWrapWord
	l.add = widget.NewButtonWithIcon(lang.L("Add a server"), theme.ContentAddIcon(), func() {
		l.addRow(server{kind: model.EngineOpenAI})
	})
	for _, s := range servers(a) {
		l.addRow(s)
	}
	l.sayWhere()
	return l
}

// content is the editor, for a settings form.
func (l *serverList) content() fyne.CanvasObject {
	hint := widget.NewLabel(lang.L("Ollama, or a server speaking the OpenAI-compatible API (vLLM, llama.cpp, LM Studio…). The small field is how many variants of one model the server writes at once; empty, the setting below applies."))
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(l.box, hint, container.NewHBox(l.add), l.where)
}

// sayWhere tells where the API keys are kept, once the keyring answered.
func (l *serverList) sayWhere() {
	if l.keys == nil {
		return
	}
	l.where.SetText(lang.L("Looking for the system keyring…"))
	l.background(func() {
		backend := l.keys.Backend()
		runOnUI(func() {
			if backend == keys.BackendKeyring {
				l.where.SetText(lang.L("API keys are kept in the system keyring, never in the workspace nor in any exported file."))
				return
			}
			l.where.SetText(lang.L("No system keyring answered: API keys are kept in a file only your account can read ({{.Path}}), never in the workspace nor in any exported file.", map[string]any{"Path": l.keys.Path()}))
		})
	})
}

func (l *serverList) addRow(s server) {
	if len(l.rows) >= maxServers {
		return
	}
	r := &serverRow{addr: widget.NewEntry(), parallel: widget.NewEntry()}
	r.key = widget.NewButtonWithIcon(lang.L("API key…"), theme.AccountIcon(), func() { l.editKey(r) })
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.removeRow(r) })
	r.kind = newKindChoice(func(string) { r.placeholders() })
	r.kind.Set(s.kind)
	r.addr.SetText(s.url)
	r.addr.Validator = func(text string) error { return r.validateAddr(text) }
	if s.parallel > 0 {
		r.parallel.SetText(strconv.Itoa(s.parallel))
	}
	r.parallel.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		return intValidator(1, 8)(text)
	}
	r.placeholders()
	h := r.parallel.MinSize().Height
	parallel := container.NewGridWrap(fyne.NewSize(96, h), r.parallel)
	kind := container.NewGridWrap(fyne.NewSize(190, h), r.kind)
	r.line = container.NewBorder(nil, nil, kind, container.NewHBox(parallel, r.key, r.remove), r.addr)
	l.rows = append(l.rows, r)
	l.box.Add(r.line)
}

func (l *serverList) removeRow(r *serverRow) {
	for i, x := range l.rows {
		if x == r {
			l.rows = append(l.rows[:i], l.rows[i+1:]...)
			l.box.Remove(r.line)
			return
		}
	}
}

// placeholders shows an example address for the row's kind; the key button serves
// OpenAI-compatible servers only.
func (r *serverRow) placeholders() {
	r.parallel.SetPlaceHolder(lang.L("auto"))
	if r.kindValue() == model.EngineOpenAI {
		r.addr.SetPlaceHolder("http://192.168.1.30:8000/v1")
		r.key.Enable()
		return
	}
	r.addr.SetPlaceHolder("http://127.0.0.1:11434")
	r.key.Disable()
}

func (r *serverRow) kindValue() string {
	k, _ := r.kind.Value()
	return k
}

// validateAddr accepts an address a server of the row's kind could listen on.
func (r *serverRow) validateAddr(text string) error {
	if strings.TrimSpace(text) == "" {
		return hostErr(lang.L("this field is required"))
	}
	if _, err := normalizeServer(r.kindValue(), text); err != nil {
		return hostErr(lang.L("{{.Host}} is not an address (expected http://name:port)", map[string]any{"Host": strings.TrimSpace(text)}))
	}
	return nil
}

// read returns the servers as edited, or the first field's error: an address unreadable, a
// server twice, none at all.
func (l *serverList) read() ([]server, error) {
	var out []server
	seen := map[string]bool{}
	for _, r := range l.rows {
		if err := r.addr.Validate(); err != nil {
			return nil, err
		}
		if err := r.parallel.Validate(); err != nil {
			return nil, err
		}
		u, _ := normalizeServer(r.kindValue(), r.addr.Text)
		if seen[r.kindValue()+" "+u] {
			return nil, hostErr(lang.L("{{.Host}} is listed twice.", map[string]any{"Host": u}))
		}
		seen[r.kindValue()+" "+u] = true
		n, _ := strconv.Atoi(strings.TrimSpace(r.parallel.Text))
		out = append(out, server{kind: r.kindValue(), url: u, parallel: n})
	}
	if len(out) == 0 {
		return nil, errHostRequired()
	}
	return out, nil
}

// kindLabel names a kind of server.
func kindLabel(kind string) string {
	if kind == model.EngineOpenAI {
		return lang.L("OpenAI-compatible")
	}
	return "Ollama"
}
