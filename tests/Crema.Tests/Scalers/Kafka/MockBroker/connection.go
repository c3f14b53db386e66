package main

import (
	"encoding/binary"
	"io"
	"net"
	"sync"

	"github.com/Shopify/sarama"
)

// The APIs this peer advertises. Only versions sarama 1.22's mocks encode faithfully: Metadata
// echoes the request version, OffsetFetch is answered at exactly offsetFetchVersion, ListOffsets
// at 1, FindCoordinator at 0; SaslHandshake 1 and SaslAuthenticate 0 for SASL.
const offsetFetchVersion = 3

var advertised = []*sarama.ApiVersionsResponseBlock{
	{ApiKey: 2, MinVersion: 1, MaxVersion: 1},
	{ApiKey: 3, MinVersion: 0, MaxVersion: 5},
	{ApiKey: 9, MinVersion: offsetFetchVersion, MaxVersion: offsetFetchVersion},
	{ApiKey: 10, MinVersion: 0, MaxVersion: 0},
	{ApiKey: 17, MinVersion: 0, MaxVersion: 1},
	{ApiKey: 18, MinVersion: 0, MaxVersion: 0},
	{ApiKey: 36, MinVersion: 0, MaxVersion: 0},
}

const apiVersionsKey = 18
const errUnsupportedVersion = 35

// versionListener hands sarama connections on which an ApiVersions request above v0 never
// arrives: such a request (librdkafka starts with v3, which sarama 1.22 cannot decode) is
// answered the way a real broker that does not know the version answers it, with
// UNSUPPORTED_VERSION and its API list in the v0 format, so the client retries at v0. SASL
// requests are answered by the connection too (see sasl.go), since sarama's mocks cannot look
// at a request. It also counts the connections accepted.
type versionListener struct {
	net.Listener
	auth     *authenticator
	mu       sync.Mutex
	accepted int
}

func (l *versionListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.accepted++
	l.mu.Unlock()
	return &versionConn{Conn: conn, auth: l.auth}, nil
}

func (l *versionListener) connections() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.accepted
}

type versionConn struct {
	net.Conn
	auth    *authenticator
	pending []byte
}

// Read returns whole request frames to sarama, except ApiVersions above v0, answered here.
func (c *versionConn) Read(p []byte) (int, error) {
	for len(c.pending) == 0 {
		header := make([]byte, 4)
		if _, err := io.ReadFull(c.Conn, header); err != nil {
			return 0, err
		}
		frame := make([]byte, binary.BigEndian.Uint32(header))
		if _, err := io.ReadFull(c.Conn, frame); err != nil {
			return 0, err
		}
		if len(frame) >= 8 && int16(binary.BigEndian.Uint16(frame)) == apiVersionsKey && int16(binary.BigEndian.Uint16(frame[2:])) > 0 {
			if err := c.unsupportedVersion(frame[4:8]); err != nil {
				return 0, err
			}
			continue
		}
		if response := c.auth.answer(c, frame); response != nil {
			if _, err := c.Conn.Write(binary.BigEndian.AppendUint32(nil, uint32(len(response)))); err != nil {
				return 0, err
			}
			if _, err := c.Conn.Write(response); err != nil {
				return 0, err
			}
			continue
		}
		c.pending = append(header, frame...)
	}
	n := copy(p, c.pending)
	c.pending = c.pending[n:]
	return n, nil
}

// unsupportedVersion writes an ApiVersions v0 response: correlation id, error code, [key min max].
func (c *versionConn) unsupportedVersion(correlationID []byte) error {
	body := make([]byte, 0, 10+6*len(advertised))
	body = append(body, correlationID...)
	body = binary.BigEndian.AppendUint16(body, errUnsupportedVersion)
	body = binary.BigEndian.AppendUint32(body, uint32(len(advertised)))
	for _, b := range advertised {
		body = binary.BigEndian.AppendUint16(body, uint16(b.ApiKey))
		body = binary.BigEndian.AppendUint16(body, uint16(b.MinVersion))
		body = binary.BigEndian.AppendUint16(body, uint16(b.MaxVersion))
	}
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	_, err := c.Conn.Write(append(frame, body...))
	return err
}
