// Package seed is helpgen's output for the seed Help Page (POST
// api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send of the
// Healthbridge MPS API), committed as the example users read and tested by CI.
//
// Regenerate with go generate; CI runs helpgen check against it.
package seed

//go:generate go run ../../cmd/helpgen generate -o . -pkg seed -spec spec.json ../../pages/seed
