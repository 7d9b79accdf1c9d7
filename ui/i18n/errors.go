package i18n

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
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/model/store"
)

// ErrorText explains err in the current language: what happened and, when it helps, what to
// do. The desktop interface adds its own errors in front (ui.ErrorText); the command line uses
// it as it is.
func ErrorText(err error) string {
	if err == nil {
		return ""
	}
	if errors.Is(err, context.Canceled) {
		return lang.L("Cancelled.")
	}
	for _, explain := range []func(error) string{shareText, domainText, systemText, engineText} {
		if text := explain(err); text != "" {
			return text
		}
	}
	return lang.L("Unexpected error: {{.Err}}", map[string]any{"Err": err.Error()})
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

// shareText explains why a shared file cannot be imported, down to the invalid item; empty
// for other errors.
func shareText(err error) string {
	var item *model.ShareItemError
	var large *model.ShareTooLargeError
	switch {
	case errors.As(err, &large):
		return lang.L("This shared file is too large: a share holds at most {{.Max}} bytes.", map[string]any{"Max": Int(int(large.Limit))})
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

// validationText explains a value the model refused, naming the field.
func validationText(v *model.ValidationError) string {
	data := map[string]any{"Field": FieldLabel(v.Field), "Limit": int(v.Limit)}
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

// importText explains why a file cannot be imported.
func importText(err error) string {
	var e *imports.Error
	errors.As(err, &e)
	data := map[string]any{"Name": e.Name, "Limit": Int(int(e.Limit))}
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
