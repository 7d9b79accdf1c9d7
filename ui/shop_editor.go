package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// lengthTarget is the kind of target length a preset sets.
type lengthTarget int

// The kinds of target length, in the order of the editor's choice.
const (
	targetNone lengthTarget = iota
	targetShare
	targetWords
)

// lengthTargetLabel says what a kind of target length is.
func lengthTargetLabel(t lengthTarget) string {
	switch t {
	case targetShare:
		return lang.L("A share of the report (%)")
	case targetWords:
		return lang.L("A number of words")
	}
	return lang.L("No target length")
}

// presetEditor edits one of the user's presets, one language at a time, with a live preview of
// the exact prompt a model will receive for the open report.
type presetEditor struct {
	w    *workshop
	p    model.Preset   // the preset as edited so far
	lang model.Language // the language on screen

	name, description, instructions, target *widget.Entry
	language                                *uikit.Choice[model.Language]
	targetKind                              *uikit.Choice[lengthTarget]
	system, user, status                    *widget.Label
	improve                                 *widget.Button
	notes                                   *fyne.Container // the reasons of the rules, when the preset has some

	dirty   bool // edited since the last save
	loading bool // fields are being filled by the program, not typed
}

func newPresetEditor(w *workshop, p model.Preset) *presetEditor {
	e := &presetEditor{w: w, p: p, lang: p.InstructionsLanguage(CurrentLanguage())}
	e.name, e.description = widget.NewEntry(), widget.NewEntry()
	e.instructions = widget.NewMultiLineEntry()
	e.instructions.Wrapping = fyne.TextWrapWord
	e.target = widget.NewEntry()
	e.language = uikit.NewLanguageChoice(e.onLanguage)
	e.targetKind = uikit.NewChoice(func(lengthTarget) { e.changed() })
	e.targetKind.SetOptions([]lengthTarget{targetNone, targetShare, targetWords}, lengthTargetLabel)
	e.system, e.user, e.status = wrapLabel(""), wrapLabel(""), wrapLabel("")
	e.system.Selectable, e.user.Selectable = true, true
	e.notes = container.NewVBox()
	e.improve = widget.NewButtonWithIcon(lang.L("Improve my instructions…"), theme.SearchReplaceIcon(), e.onImprove)
	for _, entry := range []*widget.Entry{e.name, e.description, e.instructions, e.target} {
		entry.OnChanged = func(string) { e.changed() }
	}
	e.load()
	return e
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// variableNames lists the prompt variables in the interface language.
func variableNames() string {
	if CurrentLanguage() == model.English {
		return "{{title}} {{date}} {{place}} {{audience}} {{length}}"
	}
	return "{{titre}} {{date}} {{lieu}} {{public}} {{longueur}}"
}

// content lays the editor out: the fields and instructions on the left, the prompt on the right.
func (e *presetEditor) content() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), e.name),
		widget.NewFormItem(lang.L("Language"), e.language),
		widget.NewFormItem(lang.L("What it produces"), e.description),
		widget.NewFormItem(lang.L("Target length"), container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(110, e.target.MinSize().Height), e.target), e.targetKind)),
	)
	vars := widget.NewLabel(lang.L("Variables: {{.Vars}} are filled from the report.", map[string]any{"Vars": variableNames()}) +
		"\n" + e.hints())
	vars.SizeName = theme.SizeNameCaptionText
	vars.Wrapping = fyne.TextWrapWord
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), func() { _ = e.save() })
	save.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), e.onDelete)
	buttons := container.NewHBox(save, e.improve, del)
	versions := widget.NewButtonWithIcon(lang.L("Versions…"), theme.HistoryIcon(), func() { e.onVersions() })
	left := container.NewBorder(container.NewVBox(form, widget.NewLabelWithStyle(lang.L("Instructions"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewVBox(vars, container.NewBorder(nil, nil, nil, versions, e.status), buttons), nil, nil, e.instructions)
	preview := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Instructions (system)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), e.system,
		widget.NewLabelWithStyle(lang.L("Message (user)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), e.user, e.notes)
	right := container.NewBorder(widget.NewLabelWithStyle(lang.L("What the model will receive"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Italic: true}),
		nil, nil, nil, container.NewVScroll(preview))
	split := container.NewHSplit(left, right)
	split.Offset = 0.55
	return split
}

// hints says what a newcomer would not guess: each language keeps its own text, and only a
// model can write a preset of one's own — none is at hand yet, when so.
func (e *presetEditor) hints() string {
	text := lang.L("Each language has its own text: what you write in French does not change the English version, and the other way round.") +
		"\n" + lang.L("Only an AI model (Ollama) can write your own presets: the built-in engine only picks sentences, with its own presets.")
	if len(e.w.svc.hosts.models()) == 0 {
		text += "\n" + lang.L("No Ollama model is available yet: this preset can be written and saved, and used once a model is installed (Generate tab).")
	}
	return text
}

// load fills the fields from the preset in the language on screen.
func (e *presetEditor) load() {
	e.loading = true
	defer func() { e.loading = false }()
	e.language.Set(e.lang)
	e.name.SetText(e.p.Name[e.lang])
	e.description.SetText(e.p.Description[e.lang])
	e.instructions.SetText(e.p.Instructions[e.lang])
	switch {
	case e.p.TargetWords > 0:
		e.targetKind.Set(targetWords)
		e.target.SetText(strconv.Itoa(e.p.TargetWords))
	case e.p.TargetRatio > 0:
		e.targetKind.Set(targetShare)
		e.target.SetText(strconv.Itoa(int(e.p.TargetRatio*100 + 0.5)))
	default:
		e.targetKind.Set(targetNone)
		e.target.SetText("")
	}
	e.showVersion()
	e.preview()
}

// showVersion says which version of the preset is on screen.
func (e *presetEditor) showVersion() {
	e.status.SetText(lang.L("Version {{.N}}. Every save makes a new version; each variant records the version and the exact prompt it used.", map[string]any{"N": e.p.Version}))
}

// onLanguage keeps what was typed in the previous language and shows the chosen one.
func (e *presetEditor) onLanguage(l model.Language) {
	if e.loading {
		return
	}
	_ = e.commit()
	e.lang = l
	e.load()
}

// changed marks the preset edited and refreshes the preview.
func (e *presetEditor) changed() {
	if e.loading {
		return
	}
	e.dirty = true
	if err := e.commit(); err != nil {
		e.status.SetText(ErrorText(err))
	} else {
		e.status.SetText(lang.L("Modified: saved when you leave this preset, or now with « Save »."))
	}
	e.preview()
}

// commit copies the fields into the preset, in the language on screen. A target that is not
// a number is reported and left unchanged.
func (e *presetEditor) commit() error {
	set := func(l *model.Localized, s string) {
		if *l == nil {
			*l = model.Localized{}
		}
		(*l)[e.lang] = strings.TrimSpace(s)
	}
	set(&e.p.Name, e.name.Text)
	set(&e.p.Description, e.description.Text)
	set(&e.p.Instructions, e.instructions.Text)
	return e.commitTarget()
}

func (e *presetEditor) commitTarget() error {
	kind, _ := e.targetKind.Value()
	if kind == targetNone {
		e.p.TargetRatio, e.p.TargetWords = 0, 0
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(e.target.Text))
	switch {
	case kind == targetShare && (err != nil || n < 1 || n > 100):
		return message(lang.L("The share of the report must be a whole number from 1 to 100."))
	case kind == targetWords && (err != nil || n < 10 || n > model.MaxTargetWords):
		return message(lang.L("The number of words must be a whole number from 10 to {{.Max}}.", map[string]any{"Max": fmtInt(model.MaxTargetWords)}))
	case kind == targetShare:
		e.p.TargetRatio, e.p.TargetWords = float64(n)/100, 0
	default:
		e.p.TargetRatio, e.p.TargetWords = 0, n
	}
	return nil
}

// previewSource is the report the preview is built from: the open one, or an empty one whose
// variables read « non précisé ».
func (e *presetEditor) previewSource() model.Revision {
	rev := model.Revision{Meta: model.Meta{Language: e.lang, Kind: model.KindWorkshop}}
	if e.w.reportID() != 0 {
		d := e.w.draft()
		rev.Meta, rev.Body = d.Meta, d.Body
		rev.Language = e.lang
	}
	return rev
}

// preview shows the exact messages a model receives with this preset for the open report, in
// the language on screen. The report's body is cut after a few lines: it is sent whole.
func (e *presetEditor) preview() {
	msgs := ollama.Messages(generate.Request{Source: e.previewSource(), Preset: e.p})
	e.system.SetText(msgs[0].Content)
	user := msgs[1].Content
	if r := []rune(user); len(r) > 900 {
		user = string(r[:900]) + "\n[…] " + lang.L("(the whole report is sent)")
	}
	if e.w.reportID() == 0 {
		user = lang.L("Open a report to see its title, date, place and audience fill the variables.") + "\n\n" + user
	}
	e.user.SetText(user)
	e.showNotes()
}

// showNotes lists the rules of the instructions that have a note, each with its reason.
func (e *presetEditor) showNotes() {
	noted := model.Preset{Instructions: model.Localized{e.lang: ""}, Notes: e.p.Notes}
	var lines []string
	for _, l := range e.p.Annotated(e.lang) {
		if l.Why != "" {
			lines = append(lines, l.Text)
		}
	}
	e.notes.Objects = nil
	if len(lines) > 0 {
		noted.Instructions[e.lang] = strings.Join(lines, "\n")
		e.notes.Objects = []fyne.CanvasObject{
			widget.NewLabelWithStyle(lang.L("Why these rules"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			annotatedText(noted, e.lang),
		}
	}
	e.notes.Refresh()
}

// save stores the preset as its next version; the reason is shown when it cannot be saved.
func (e *presetEditor) save() error {
	if err := e.commit(); err != nil {
		e.status.SetText(ErrorText(err))
		return err
	}
	saved, err := e.w.svc.store.SavePreset(e.w.svc.ctx, e.p)
	if err != nil {
		e.status.SetText(ErrorText(err))
		return err
	}
	e.p, e.dirty = saved, false
	e.showVersion()
	e.w.loadPresets()
	e.w.items = generate.VariantPresets(e.w.svc.presets)
	for i, p := range e.w.items { // a new name may have moved the preset in the list
		if p.ID == saved.ID && i != e.w.index {
			e.w.index = i
			e.w.list.Select(i)
		}
	}
	e.w.list.Refresh()
	return nil
}

// onDelete asks, then deletes the preset. Variants made with it keep their record.
func (e *presetEditor) onDelete() {
	msg := lang.L("Delete the preset « {{.Name}} »? The variants already made with it keep their instructions.", map[string]any{"Name": e.p.Name.In(CurrentLanguage())})
	dialog.ShowConfirm(lang.L("Delete"), msg, func(ok bool) {
		if ok {
			e.delete()
		}
	}, e.w.svc.win)
}

// delete removes the preset from the lists; its versions stay for the variants made with it.
func (e *presetEditor) delete() {
	if err := e.w.svc.store.DeletePreset(e.w.svc.ctx, e.p.ID); err != nil {
		e.w.svc.showError(err)
		return
	}
	e.dirty = false
	e.w.loadPresets()
	e.w.reload("")
}
