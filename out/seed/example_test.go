package seed

// Examples for the package documentation (compiled by go test, not run:
// they listen on a port and call a remote API). Hand-written (not
// generated).

import (
	"context"
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/google/uuid"
)

// The server behind the documented recipe: timeouts that drop clients
// which trickle their headers or body, or idle on a connection.
func ExampleNewHandler() {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           NewHandler(ServiceImpl{}, WithLogger(logger)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	log.Fatal(srv.ListenAndServe())
}

// Raising a decode limit for an API whose forms post long lists.
func ExampleWithDecodeLimits() {
	h := NewHandler(ServiceImpl{}, WithDecodeLimits(DecodeLimits{FormKeys: 5000}))
	_ = h
}

// A client whose API key never leaves the API's origin, whatever the
// server redirects to.
func ExampleNewClient() {
	c, err := NewClient("https://tablet.mymps.co.za/v3/mps-api/",
		WithRequestEditor(func(ctx context.Context, req *http.Request) error {
			req.Header.Set("X-Api-Key", os.Getenv("MPS_API_KEY"))
			return nil
		}))
	if err != nil {
		log.Fatal(err)
	}
	resp, err := c.PostClinicalEncountersFollowupSend(context.Background(), uuid.New(), uuid.New(), nil, &SendEncounterRequireFollowupPatientSms{})
	if err != nil {
		log.Fatal(err)
	}
	log.Println(resp.Sucess)
}
