// Package keys keeps the API keys of the servers Rapporteur talks to, out of the workspace: in
// the operating system's keyring (Secret Service on Linux, the Keychain on macOS, the
// Credential Manager on Windows), or, where no keyring answers, in a file only its owner can
// read (mode 0600). A key is never written anywhere else.
package keys
