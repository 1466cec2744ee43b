//go:build !linux

package oracletest

import "os/exec"

func setProcAttr(cmd *exec.Cmd) {}
