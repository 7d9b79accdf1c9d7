package keys

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// maxFile bounds the fallback file: hundreds of keys.
const maxFile = 1 << 20

// readFile returns the key of host in the file at path, "" when the file or the host is not
// there. A file others may read is made private again before it is read.
func readFile(path, host string) (string, error) {
	keys, err := load(path)
	return keys[host], err
}

func load(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, err
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFile {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxFile)
	}
	keys := map[string]string{}
	if err := json.Unmarshal(data, &keys); err != nil {
		return nil, fmt.Errorf("%s is damaged: %w", path, err)
	}
	return keys, nil
}

// writeFile sets host's key in the file at path (an empty key removes it), through a
// private temporary file renamed over it, so that a crash leaves the old file or the new one.
func writeFile(path, host, key string) error {
	keys, err := load(path)
	if err != nil {
		return err
	}
	if key == "" {
		delete(keys, host)
	} else {
		keys[host] = key
	}
	data, err := json.MarshalIndent(keys, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".keys-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// DefaultPath is where the fallback file goes: the user's configuration folder
// (~/.config/rapporteur/api-keys.json on Linux), apart from the workspace, so that copying or
// sharing a workspace never copies a key.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "rapporteur", "api-keys.json"), nil
}
