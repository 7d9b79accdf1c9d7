// Package store keeps Rapporteur's workspace in one SQLite file (modernc.org/sqlite, pure Go):
// reports, their frozen revisions, generation runs and variants (with their measurements as
// JSON), votes, critiques, review marks, user presets with their versions, the trash, search
// and the token ratios the Ollama engine learns. Every write happens in a transaction, the
// file is in WAL mode and readable by its owner only, and a process killed at any moment
// leaves it consistent with every write that had returned.
package store
