package imports

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// MaxFileSize is the largest file imported: 5 MiB, about 800,000 words of French, far above
// any session report. Larger files are refused before being read.
const MaxFileSize = 5 << 20

// The encodings Imported.Encoding can name.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF16LE     = "UTF-16LE"
	EncodingUTF16BE     = "UTF-16BE"
	EncodingWindows1252 = "Windows-1252"
)

// Imported is the text of an imported file, ready to become a report.
type Imported struct {
	// Title is the first Markdown level-one heading, else the file name without its extension
	// (underscores and dashes read as spaces). It is empty only when neither gives one.
	Title string
	// Body is the whole text, heading included: valid UTF-8, NFC-normalised, with \n line
	// endings and no byte order mark.
	Body string
	// Encoding is the encoding the file was decoded from (EncodingUTF8, EncodingWindows1252…),
	// or the document format it was converted from (EncodingDocx, EncodingOdt).
	Encoding string
}

// ReadFile imports the regular file at path; a directory, a FIFO or a device is CodeUnreadable.
// The size is checked before anything is read.
func ReadFile(path string) (Imported, error) {
	if err := checkExtension(path); err != nil {
		return Imported{}, err
	}
	// Only a regular file is read: a FIFO or a device could block the reader forever.
	f, info, err := model.OpenRegular(path)
	if err != nil {
		return Imported{}, openError(path, err)
	}
	defer f.Close()
	if info.Size() > MaxFileSize {
		return Imported{}, tooLarge(path, MaxFileSize)
	}
	// The file may grow after its size was checked: read one byte more than allowed to notice.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Imported{}, fail(path, CodeUnreadable, err)
	}
	return Read(filepath.Base(path), data)
}

// Read imports data as the content of a file called name; the name's extension says which
// format it is in.
func Read(name string, data []byte) (Imported, error) {
	if err := checkExtension(name); err != nil {
		return Imported{}, err
	}
	if len(data) > MaxFileSize {
		return Imported{}, tooLarge(name, MaxFileSize)
	}
	if read := documentReader(name); read != nil {
		return read(name, data)
	}
	body, enc, err := decode(name, data)
	if err != nil {
		return Imported{}, err
	}
	body = normalize(body)
	if err := checkText(name, body); err != nil {
		return Imported{}, err
	}
	body = dropControls(body)
	title := headingTitle(body)
	if title == "" {
		title = nameTitle(name)
	}
	return Imported{Title: title, Body: body, Encoding: enc}, nil
}

// Extensions lists the file extensions Read accepts, for a file dialog's filter.
func Extensions() []string { return []string{".md", ".markdown", ".txt", ".docx", ".odt"} }

func checkExtension(name string) error {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".md", ".markdown", ".txt", ".docx", ".odt":
		return nil
	default:
		return fail(name, CodeUnsupported, nil)
	}
}

func openError(name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fail(name, CodeNotFound, err)
	}
	return fail(name, CodeUnreadable, err)
}

func tooLarge(name string, limit int64) error {
	return &Error{Code: CodeTooLarge, Name: name, Limit: limit, Unit: UnitBytes}
}
