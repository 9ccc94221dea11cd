package signer

import (
	"testing"
)

// fixture key generated for the signer integration tests against staging KMS mirror
const testSigningKey = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEILWRaKv1lg8JUukvLSFjkxUT0rwC6QQ0qtbvAIm3PJyIoAoGCCqGSM49
AwEHoUQDQgAEJg1kTuLAkkvtFeamHLCDd+hL+4q2y5ef95jBXbNoFKyeb+Ew7RUU
1JsId5mb2mWO1gKybkawHCJUXTuvBqpD9w==
-----END EC PRIVATE KEY-----
`

const publicKeyFingerprint = "SHA256:/j6aUlfCOLQrcCdxV/TMyInWld908e7zj1nnQzl+Us0"

func TestSign(t *testing.T) {
	s, err := NewFromPEM([]byte(testSigningKey))
	if err != nil {
		t.Fatal(err)
	}
	_ = s
}
