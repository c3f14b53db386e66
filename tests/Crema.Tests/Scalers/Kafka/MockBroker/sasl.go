package main

import (
	"bytes"
	"encoding/binary"
	"strings"
	"sync"
)

const (
	saslHandshakeKey        = 17
	saslAuthenticateKey     = 36
	errUnsupportedMechanism = 33
	errAuthenticationFailed = 58
)

// saslState is what the brokers accept: PLAIN with Username and Password, OAUTHBEARER with Token
// and every one of Extensions. The handshake offers Mechanisms.
type saslState struct {
	Mechanisms []string          `json:"mechanisms"`
	Username   string            `json:"username"`
	Password   string            `json:"password"`
	Token      string            `json:"token"`
	Extensions map[string]string `json:"extensions"`
}

// authentication is one SaslAuthenticate request as received, for the tests to inspect.
type authentication struct {
	Mechanism  string            `json:"mechanism"`
	Username   string            `json:"username"`
	Secret     string            `json:"secret"`
	Extensions map[string]string `json:"extensions"`
	Accepted   bool              `json:"accepted"`
}

// authenticator answers SaslHandshake v0-1 and SaslAuthenticate v0 like a broker does: a wrong
// credential gets SASL_AUTHENTICATION_FAILED (58) and Kafka's message.
type authenticator struct {
	mu        sync.Mutex
	state     *saslState
	mechanism map[*versionConn]string
	log       []authentication
}

func (a *authenticator) set(s *saslState) {
	a.mu.Lock()
	a.state = s
	a.mu.Unlock()
}

func (a *authenticator) entries() []authentication {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]authentication{}, a.log...)
}

// answer returns the response body (correlation id first) for a SASL request, or nil for others.
func (a *authenticator) answer(c *versionConn, frame []byte) []byte {
	key := int16(binary.BigEndian.Uint16(frame))
	if key != saslHandshakeKey && key != saslAuthenticateKey {
		return nil
	}
	body := frame[8:]
	clientID := int(int16(binary.BigEndian.Uint16(body)))
	if clientID > 0 {
		body = body[2+clientID:]
	} else {
		body = body[2:]
	}
	response := append([]byte{}, frame[4:8]...)
	a.mu.Lock()
	defer a.mu.Unlock()
	state := a.state
	if state == nil {
		state = &saslState{}
	}
	if key == saslHandshakeKey {
		requested := string(body[2 : 2+int(binary.BigEndian.Uint16(body))])
		code := uint16(errUnsupportedMechanism)
		for _, m := range state.Mechanisms {
			if m == requested {
				code = 0
				a.mechanism[c] = requested
			}
		}
		response = binary.BigEndian.AppendUint16(response, code)
		response = binary.BigEndian.AppendUint32(response, uint32(len(state.Mechanisms)))
		for _, m := range state.Mechanisms {
			response = appendString(response, m)
		}
		return response
	}
	length := binary.BigEndian.Uint32(body)
	entry := a.check(state, a.mechanism[c], body[4:4+length])
	a.log = append(a.log, entry)
	if entry.Accepted {
		response = binary.BigEndian.AppendUint16(response, 0)
		response = binary.BigEndian.AppendUint16(response, 0xFFFF) // null error message
	} else {
		response = binary.BigEndian.AppendUint16(response, errAuthenticationFailed)
		response = appendString(response, "Authentication failed: Invalid username or password")
	}
	return binary.BigEndian.AppendUint32(response, 0)
}

// check reads PLAIN ("authzid\0user\0password") or OAUTHBEARER (RFC 7628 "n,,\x01auth=Bearer T\x01k=v\x01\x01").
func (a *authenticator) check(state *saslState, mechanism string, data []byte) authentication {
	entry := authentication{Mechanism: mechanism, Extensions: map[string]string{}}
	switch mechanism {
	case "PLAIN":
		parts := bytes.Split(data, []byte{0})
		if len(parts) == 3 {
			entry.Username, entry.Secret = string(parts[1]), string(parts[2])
		}
		entry.Accepted = entry.Username == state.Username && entry.Secret == state.Password
	case "OAUTHBEARER":
		for _, field := range strings.Split(string(data), "\x01")[1:] {
			if k, v, ok := strings.Cut(field, "="); ok {
				if k == "auth" {
					entry.Secret = strings.TrimPrefix(v, "Bearer ")
				} else {
					entry.Extensions[k] = v
				}
			}
		}
		entry.Accepted = state.Token == "" || entry.Secret == state.Token
		for k, v := range state.Extensions {
			entry.Accepted = entry.Accepted && entry.Extensions[k] == v
		}
	}
	return entry
}

func appendString(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint16(b, uint16(len(s)))
	return append(b, s...)
}
