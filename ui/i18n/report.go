package i18n

import (
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
)

// ReadReport imports the file at path as a new report, for the desktop interface and the
// command line alike: titled « Untitled report » in the current language when the file gives
// no title, in the language its text is written in, else in the current language (see
// imports.Imported.Report). It touches no widget, so it may run in the background.
func ReadReport(path string) (model.Report, error) {
	im, err := imports.ReadFile(path)
	if err != nil {
		return model.Report{}, err
	}
	return im.Report(lang.L("Untitled report"), CurrentLanguage()), nil
}
