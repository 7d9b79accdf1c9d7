//go:build windows

package console

import (
	"os"
	"syscall"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1: the console of the process that
// started this one.
const attachParentProcess = ^uint32(0)

var attachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// Attach makes os.Stdout and os.Stderr write to the console of the cmd.exe or PowerShell
// that started the program, when they lead nowhere: a graphical program gets no console
// handles, unless its output is redirected to a file or a pipe, which is then kept. Started
// from the Explorer, there is no console to attach to and nothing changes.
func Attach() {
	outMissing, errMissing := !valid(syscall.STD_OUTPUT_HANDLE), !valid(syscall.STD_ERROR_HANDLE)
	if !outMissing && !errMissing {
		return
	}
	if ok, _, _ := attachConsole.Call(uintptr(attachParentProcess)); ok == 0 {
		return
	}
	if outMissing {
		if f, err := os.OpenFile("CONOUT$", os.O_RDWR, 0); err == nil {
			os.Stdout = f
		}
	}
	if errMissing {
		if f, err := os.OpenFile("CONOUT$", os.O_RDWR, 0); err == nil {
			os.Stderr = f
		}
	}
}

// valid tells whether the standard handle std leads somewhere.
func valid(std int) bool {
	h, err := syscall.GetStdHandle(std)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}
