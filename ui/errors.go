package ui

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/model/store"
)

// errTitleRequired is shown under an empty title.
func errTitleRequired() error { return message(lang.L("The title is required.")) }

// unsavedError says the open report's last edit could not be saved; the edit stays in the editor.
type unsavedError struct{ err error }

// Error describes the failure in English, for logs.
func (e unsavedError) Error() string { return "unsaved changes: " + e.err.Error() }

// Unwrap returns the reason the save failed.
func (e unsavedError) Unwrap() error { return e.err }

// ErrorText explains err in the interface language: what happened and, when it helps, what to do.
// The command line uses it too.
func ErrorText(err error) string {
	if err == nil {
		return ""
	}
	for _, explain := range []func(error) string{unsavedText, userText, shareText, domainText, systemText, engineText} {
		if text := explain(err); text != "" {
			return text
		}
	}
	return lang.L("Unexpected error: {{.Err}}", map[string]any{"Err": err.Error()})
}

// message is an error already written for the user, in the interface language.
type message string

// Error returns the text.
func (m message) Error() string { return string(m) }

// userText is the text of an error written for the user: a message, or an error type that
// explains itself (userError).
func userText(err error) string {
	var m message
	var ue userError
	switch {
	case errors.As(err, &m):
		return string(m)
	case errors.As(err, &ue):
		return ue.Error()
	case errors.Is(err, context.Canceled):
		return lang.L("Cancelled.")
	}
	return ""
}

// userError is an error type whose Error text is written for the user, translated.
type userError interface {
	error
	userFacing()
}

// unsavedText explains an edit of the report that could not be saved.
func unsavedText(err error) string {
	var unsaved unsavedError
	if !errors.As(err, &unsaved) {
		return ""
	}
	return lang.L("The last changes to the report could not be saved: {{.Reason}} They are still in the editor; try again with Ctrl+S.", map[string]any{"Reason": ErrorText(unsaved.err)})
}

// domainText explains invalid values, failed imports and vanished items.
func domainText(err error) string {
	switch {
	case model.AsValidation(err) != nil:
		return validationText(model.AsValidation(err))
	case imports.CodeOf(err) != "":
		return importText(err)
	case errors.Is(err, model.ErrNotFound):
		return lang.L("This item no longer exists; it may have been deleted.")
	}
	return ""
}

// engineText explains a generation's failure, with Ollama's own words when they help the
// person who maintains it.
func engineText(err error) string {
	var ge *generate.Error
	if !errors.As(err, &ge) {
		if generate.CodeOf(err) == generate.CodeTimeout { // a bare deadline, however wrapped
			return guardText(generate.CodeTimeout)
		}
		return ""
	}
	text := generateText(ge.Code)
	if (ge.Code == generate.CodeServer || ge.Code == generate.CodePullFailed) && ge.Err != nil {
		text += " (" + ge.Err.Error() + ")"
	}
	return text
}

// shareText explains why a shared file cannot be imported, down to the invalid item; empty
// for other errors.
func shareText(err error) string {
	var item *model.ShareItemError
	var large *model.ShareTooLargeError
	switch {
	case errors.As(err, &large):
		return lang.L("This shared file is too large: a share holds at most {{.Max}} bytes.", map[string]any{"Max": fmtInt(int(large.Limit))})
	case errors.Is(err, model.ErrShareFile):
		return lang.L("This file is not a file of templates and presets shared from Rapporteur, or it is damaged.")
	}
	if v := model.AsValidation(err); v != nil && (v.Field == "presets" || v.Field == "templates") {
		return lang.L("This file holds too many items: at most {{.Max}} presets and {{.Max}} templates.", map[string]any{"Max": model.MaxShareItems})
	}
	if !errors.As(err, &item) {
		return ""
	}
	what := lang.L("Preset")
	if item.Kind == "template" {
		what = lang.L("Template")
	}
	return lang.L("Item no. {{.N}} of the file ({{.What}} « {{.ID}} ») cannot be imported: {{.Reason}}", map[string]any{
		"What": strings.ToLower(what), "N": item.Index, "ID": item.ID, "Reason": ErrorText(item.Err)})
}

// systemText explains the failures that come from the disk or another program.
func systemText(err error) string {
	switch {
	case errors.Is(err, store.ErrNewerSchema):
		return lang.L("This workspace was written by a newer version of Rapporteur. Update the application to open it.")
	case errors.Is(err, store.ErrNotWorkspace):
		return lang.L("This file is not a Rapporteur workspace.")
	case errors.Is(err, export.ErrArchive):
		return lang.L("This file is not a Rapporteur run archive, or it is damaged: {{.Reason}}", map[string]any{"Reason": err.Error()})
	case errors.Is(err, store.ErrBusy):
		return lang.L("The workspace is being used by another program (another Rapporteur window?). Close it and try again.")
	case errors.Is(err, store.ErrDiskFull):
		return lang.L("The disk is full. Free some space, then try again.")
	case errors.Is(err, store.ErrCorrupt):
		return lang.L("The workspace file is damaged. Keep a copy of it and open another workspace with --workspace.")
	case errors.Is(err, os.ErrPermission):
		return lang.L("Rapporteur is not allowed to write there. Choose another folder.")
	}
	return pathText(err)
}

// pathText explains a file that is missing or is not a file, naming it when the error does.
func pathText(err error) string {
	var pe *fs.PathError
	name := map[string]any{"Name": ""}
	if errors.As(err, &pe) {
		name["Name"] = model.CleanName(filepath.Base(pe.Path))
	}
	switch {
	case errors.Is(err, model.ErrNotRegular) && name["Name"] != "":
		return lang.L("{{.Name}} is a folder, a pipe or a device, not a file: choose a file.", name)
	case errors.Is(err, model.ErrNotRegular):
		return lang.L("This is a folder, a pipe or a device, not a file: choose a file.")
	case errors.Is(err, os.ErrNotExist) && name["Name"] != "":
		return lang.L("The file {{.Name}} does not exist.", name)
	case errors.Is(err, os.ErrNotExist):
		return lang.L("The folder or file does not exist.")
	}
	return ""
}

// fieldLabel names a field of a report, a preset or a spec in the interface language.
func fieldLabel(field string) string {
	labels := map[string]func() string{
		"title":        func() string { return lang.L("Title") },
		"kind":         func() string { return lang.L("Kind of session") },
		"date":         func() string { return lang.L("Date") },
		"place":        func() string { return lang.L("Place") },
		"organisers":   func() string { return lang.L("Organisers") },
		"audience":     func() string { return lang.L("Audience") },
		"language":     func() string { return lang.L("Language") },
		"body":         func() string { return lang.L("Text") },
		"name":         func() string { return lang.L("Name") },
		"description":  func() string { return lang.L("What it produces") },
		"instructions": func() string { return lang.L("Instructions") },
		"notes":        func() string { return lang.L("Notes") },
		"target_words": func() string { return lang.L("Target length") },
		"target_ratio": func() string { return lang.L("Target length") },
		"id":           func() string { return lang.L("Identifier") },
	}
	if f, ok := labels[field]; ok {
		return f()
	}
	return field
}

func validationText(v *model.ValidationError) string {
	data := map[string]any{"Field": fieldLabel(v.Field), "Limit": int(v.Limit)}
	switch v.Problem {
	case model.ProblemRequired:
		return lang.L("{{.Field}}: this field is required.", data)
	case model.ProblemTooLong:
		return lang.L("{{.Field}}: too long (at most {{.Limit}} characters).", data)
	case model.ProblemInvalidUTF8:
		return lang.L("{{.Field}}: the text contains invalid characters.", data)
	case model.ProblemOutOfRange:
		return lang.L("{{.Field}}: value out of range (limit {{.Limit}}).", data)
	}
	if v.Field == "date" {
		return lang.L("Date: write it as 17/06/2025 or 2025-06-17.")
	}
	return lang.L("{{.Field}}: invalid value.", data)
}

func importText(err error) string {
	var e *imports.Error
	errors.As(err, &e)
	data := map[string]any{"Name": e.Name, "Limit": fmtInt(int(e.Limit))}
	if text := documentText(e.Code, data); text != "" {
		return text
	}
	switch e.Code {
	case imports.CodeNotFound:
		return lang.L("The file {{.Name}} does not exist.", data)
	case imports.CodeUnreadable:
		return lang.L("The file {{.Name}} cannot be read (permissions, or it is a folder, a pipe or a device rather than a file).", data)
	case imports.CodeUnsupported, imports.CodeNotYetSupported:
		return lang.L("Rapporteur imports Word (.docx), LibreOffice (.odt), Markdown (.md) and text (.txt) files. Save your notes in one of these formats.", data)
	case imports.CodeEmpty:
		return lang.L("The file {{.Name}} is empty.", data)
	case imports.CodeTooLarge:
		if e.Unit == imports.UnitCharacters {
			return lang.L("The file {{.Name}} is too large: a report holds at most {{.Limit}} characters.", data)
		}
		return lang.L("The file {{.Name}} is too large: a file imported holds at most {{.Limit}} bytes.", data)
	case imports.CodeBinary:
		return lang.L("The file {{.Name}} is not a text file (it looks like a PDF, an image or an archive).", data)
	case imports.CodeEncoding:
		return lang.L("The file {{.Name}} uses a character encoding Rapporteur cannot read. Save it as UTF-8 text.", data)
	}
	return lang.L("The file {{.Name}} cannot be imported.", data)
}

// documentText explains what can go wrong with a Word or LibreOffice document.
func documentText(code imports.Code, data map[string]any) string {
	switch code {
	case imports.CodeCorrupt:
		return lang.L("The document {{.Name}} is damaged or incomplete: open it in Word or LibreOffice, save it again, then import it.", data)
	case imports.CodeEncrypted:
		return lang.L("The document {{.Name}} is protected by a password: remove the protection in Word or LibreOffice, then import it.", data)
	case imports.CodeTooComplex:
		return lang.L("The document {{.Name}} is too complex to import safely (too many parts, or nested too deeply). Save it as text (.txt) and import that.", data)
	}
	return ""
}

// VariantErrorText explains why a variant stopped, from its stored error code.
func VariantErrorText(v model.Variant) string {
	if v.ErrorCode == "" {
		return ""
	}
	if v.ErrorCode == string(generate.CodeContextTooLong) && v.Stats.ContextNeeded > 0 {
		return lang.L("a passage of the report needs {{.Need}} tokens with the instructions, more than this model's context of {{.Max}}, even read in parts: shorten that passage (a very long sentence or table?) or choose a model with a larger context.",
			map[string]any{"Need": fmtCompact(v.Stats.ContextNeeded), "Max": fmtCompact(v.Stats.ModelContext)})
	}
	return generateText(generate.ErrorCode(v.ErrorCode))
}

func generateText(code generate.ErrorCode) string {
	if text := ollamaText(code); text != "" {
		return text
	}
	switch code {
	case generate.CodeCancelled:
		return lang.L("cancelled by you.")
	case generate.CodeUnsupportedPreset:
		return lang.L("the built-in engine cannot write this preset; it needs an AI model.")
	case generate.CodeEmptySource:
		return lang.L("the report is empty.")
	case generate.CodeNothingFound:
		return lang.L("no decision or next step was found in the text.")
	case generate.CodeEngineMissing:
		return lang.L("this engine is not available.")
	case generate.CodePresetMissing:
		return lang.L("this preset no longer exists.")
	case generate.CodeSaveFailed:
		return lang.L("the text could not be saved to the workspace (disk full?).")
	}
	return lang.L("an unexpected error stopped the generation.")
}

// ollamaText explains what can go wrong with an Ollama host or model, and what to do.
func ollamaText(code generate.ErrorCode) string {
	switch code {
	case generate.CodeHostUnreachable:
		return lang.L("Ollama does not answer at this address: is it started? (Check the address in Settings.)")
	case generate.CodeBadHost:
		return lang.L("the Ollama address in Settings is not valid.")
	case generate.CodeNotOllama:
		return lang.L("something answers at this address, but it is not Ollama (check the address and port).")
	case generate.CodeModelMissing:
		return lang.L("this model is not installed on the host; you can download it.")
	case generate.CodeOutOfMemory:
		return lang.L("not enough memory to run this model: close other programs or choose a smaller model.")
	case generate.CodeServer:
		return lang.L("Ollama reported an error.")
	case generate.CodeStreamCut:
		return lang.L("the connection with Ollama was cut before the end (Ollama stopped or the network dropped).")
	case generate.CodeStalled:
		return lang.L("the model stopped answering. This is a known Ollama problem after a cancelled request: restart Ollama, then retry; other models keep working.")
	case generate.CodeEmptyOutput:
		return lang.L("the model finished without writing anything; try again or choose another model.")
	case generate.CodeContextTooLong:
		return lang.L("the report is too long for this model, even read in parts; choose a model with a larger context.")
	case generate.CodeBadOption:
		return lang.L("Ollama refused an option (check the model options).")
	case generate.CodeThinkUnsupported:
		return lang.L("this model has no thinking mode.")
	case generate.CodePullFailed:
		return lang.L("the download failed (is the host connected to the internet? is the model name right?).")
	}
	return guardText(code)
}

// guardText explains what Rapporteur refused of a host to protect the report.
func guardText(code generate.ErrorCode) string {
	switch code {
	case generate.CodeRemoteRefused:
		return lang.L("this model sends the report outside this computer and your network; nothing was sent. To use it anyway, tick it in the grid and allow it.")
	case generate.CodeOutputCap:
		return lang.L("cut: the answer was too long (more than the maximum set in Settings); the text is kept up to there.")
	case generate.CodeRedirected:
		return lang.L("the host redirects to another address: Rapporteur does not follow, so that the report goes nowhere else (check the address in Settings).")
	case generate.CodeTimeout:
		return lang.L("the host did not answer in time.")
	case generate.CodeAnswerTooLarge:
		return lang.L("the host sent an answer larger than Rapporteur reads (at most 16 MiB); it was refused.")
	case store.CodeUnfinished:
		return lang.L("this variant was still being written when the archive was made; it was stopped there.")
	}
	return ""
}
