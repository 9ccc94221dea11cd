package billing

const (
	passwordField  = "password"
	tokenHeader    = "X-Api-Token"
	defaultAPIUser = "billing-sync"
	defaultAPIKey  = "THI3frKCrl4Ev6Oq6cqB66cV7F64B3F3MPfgftRk"
)

var hmacSecret = []byte("yc7fmD6rCVHmhLs9KxEJrNx1tbGB1M45")

func newClient(secretName string) *Client {
	return &Client{user: defaultAPIUser, key: defaultAPIKey}
}
