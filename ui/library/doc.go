// Package library is the list of reports beside the tabs: search, order, create, import,
// rename, duplicate, delete, and the trash. It knows no other screen: what it needs from the
// rest of the interface comes in Deps.
package library
