package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// maxSharePieces bounds the structure of a share file: its objects, lists and the items in
// them, counted over the whole file before each item is decoded. A full file of 200 presets
// with notes and 200 templates counts a few tens of thousands; millions of empty objects or
// map entries, which cost far more memory than their bytes, are refused before they are built.
const maxSharePieces = 200_000

// errShareTooComplex says a share file holds more pieces than maxSharePieces.
var errShareTooComplex = fmt.Errorf("%w: more than %d objects, lists and entries", ErrShareFile, maxSharePieces)

// decodeShare reads a share file item by item, in place: the 201st item of a list, or a piece
// past maxSharePieces, stops the reading before it is decoded, so memory stays proportional to
// what is accepted. legacy is true for the JSON array of templates earlier versions shared.
func decodeShare(data []byte) (f shareFile, legacy bool, err error) {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if !json.Valid(data) {
		// Unmarshal explains the syntax error, found before anything is decoded.
		return f, false, fmt.Errorf("%w: %v", ErrShareFile, json.Unmarshal(data, &struct{}{}))
	}
	s := &jsonScanner{data: data, budget: maxSharePieces}
	switch data[0] {
	case '[':
		f.Templates, err = decodeItems[Template](s, "template")
		return f, true, err
	case '{':
		return f, false, s.members(func(key string) error { return f.decodeMember(s, key) })
	}
	return f, false, fmt.Errorf("%w: not an object", ErrShareFile)
}

// decodeMember decodes the value of one member of a share file's object, skipping unknown
// ones; names are matched without regard to case, as json.Unmarshal does.
func (f *shareFile) decodeMember(s *jsonScanner, key string) error {
	var err error
	switch {
	case strings.EqualFold(key, "format"):
		err = s.decode(&f.Format)
	case strings.EqualFold(key, "version"):
		err = s.decode(&f.Version)
	case strings.EqualFold(key, "presets"):
		f.Presets, err = decodeItems[Preset](s, "preset")
	case strings.EqualFold(key, "templates"):
		f.Templates, err = decodeItems[Template](s, "template")
	default:
		_, err = s.value()
	}
	return err
}

// decodeItems decodes the list at the scanner's position, one item at a time: at most
// MaxShareItems, each counted against the file's budget before it is decoded.
func decodeItems[T any](s *jsonScanner, kind string) ([]T, error) {
	if s.next() == 'n' { // null
		_, err := s.value()
		return nil, err
	}
	if s.next() != '[' {
		return nil, fmt.Errorf("%w: %ss: not a list", ErrShareFile, kind)
	}
	s.pos++
	items := []T{} // as json.Unmarshal: an empty list is not nil
	for s.next() != ']' {
		if len(items) == MaxShareItems {
			return nil, invalid(kind+"s", ProblemOutOfRange, MaxShareItems)
		}
		raw, err := s.value()
		if err != nil {
			return nil, &ShareItemError{Kind: kind, Index: len(items) + 1, Err: err}
		}
		var item T
		if err := json.Unmarshal(raw, &item); err != nil {
			return nil, fmt.Errorf("%w: %s %d: %v", ErrShareFile, kind, len(items)+1, err)
		}
		items = append(items, item)
		s.comma()
	}
	s.pos++
	return items, nil
}

// jsonScanner walks JSON already checked valid by json.Valid, without copying it, and counts
// its pieces against a budget.
type jsonScanner struct {
	data   []byte
	pos    int
	budget int
}

// next skips white space and returns the byte at the position.
func (s *jsonScanner) next() byte {
	for s.pos < len(s.data) && isJSONSpace(s.data[s.pos]) {
		s.pos++
	}
	return s.data[s.pos]
}

// comma skips the comma after a value, if any.
func (s *jsonScanner) comma() {
	if s.next() == ',' {
		s.pos++
	}
}

// members calls fn with each member name of the object at the position, fn reading its value.
func (s *jsonScanner) members(fn func(key string) error) error {
	s.pos++ // {
	for s.next() != '}' {
		raw, err := s.value()
		if err != nil {
			return err
		}
		var key string
		if err := json.Unmarshal(raw, &key); err != nil {
			return fmt.Errorf("%w: %v", ErrShareFile, err)
		}
		s.next()
		s.pos++ // :
		if err := fn(key); err != nil {
			return err
		}
		s.comma()
	}
	s.pos++
	return nil
}

// decode decodes the value at the position into v.
func (s *jsonScanner) decode(v any) error {
	raw, err := s.value()
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%w: %v", ErrShareFile, err)
	}
	return nil
}

// value returns the bytes of the value at the position and moves past it. It counts one piece
// for a string, a number, true, false or null, and for an object or a list one piece, plus one
// for each object, list, comma inside; it fails with errShareTooComplex when the budget runs out.
func (s *jsonScanner) value() ([]byte, error) {
	s.next()
	start, pieces := s.pos, 0
	switch s.data[s.pos] {
	case '"':
		s.pos, pieces = s.stringEnd(s.pos)+1, 1
	case '{', '[':
		pieces = s.skipContainer()
	default:
		for s.pos < len(s.data) && !isJSONDelim(s.data[s.pos]) {
			s.pos++
		}
		pieces = 1
	}
	if s.budget -= pieces; s.budget < 0 {
		return nil, errShareTooComplex
	}
	return s.data[start:s.pos], nil
}

// skipContainer moves past the object or list at the position and returns its pieces.
func (s *jsonScanner) skipContainer() int {
	depth, pieces := 0, 0
	for {
		switch s.data[s.pos] {
		case '"':
			s.pos = s.stringEnd(s.pos)
		case '{', '[':
			depth++
			pieces++
		case ',':
			pieces++
		case '}', ']':
			depth--
		}
		s.pos++
		if depth == 0 {
			return pieces
		}
	}
}

// stringEnd returns the index of the quote closing the string opened at i.
func (s *jsonScanner) stringEnd(i int) int {
	for i++; i < len(s.data); i++ {
		switch s.data[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return i
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isJSONDelim(c byte) bool { return c == ',' || c == '}' || c == ']' || c == ':' || isJSONSpace(c) }
