// A Kafka wire-protocol peer for Crema's tests, built on sarama's MockBroker (Debian
// golang-github-shopify-sarama-dev). It serves ApiVersions, Metadata, FindCoordinator, OffsetFetch
// and ListOffsets from a JSON state that the test can replace at any time with PUT /state on a
// loopback HTTP control port, optionally behind TLS and SASL (PLAIN, OAUTHBEARER). It exits when
// its stdin closes, so it never outlives the test host.
//
// Usage: kafkamock STATE_FILE
// Prints one JSON line {"bootstrap": "127.0.0.1:P", "control": "127.0.0.1:Q", "brokers": [...]}.
// Control: PUT /state, GET /errors (what sarama's mocks complained about), GET /connections
// (connections accepted per broker), GET /authentications (SaslAuthenticate requests received).
package main

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"io/ioutil"
	"net"
	"net/http"
	"os"
	"sort"
	"sync"

	"github.com/Shopify/sarama"
)

// state is what the test controls. Partition p of every topic is led by broker (p % brokers) + 1.
type state struct {
	Brokers                 int                                    `json:"brokers"`
	Topics                  map[string]int32                       `json:"topics"`
	EndOffsets              map[string]map[int32]int64             `json:"endOffsets"`
	Committed               map[string]map[string]map[int32]int64  `json:"committed"`
	Coordinators            map[string]int32                       `json:"coordinators"`
	CoordinatorNotAvailable int                                    `json:"coordinatorNotAvailable"`
	Sasl                    *saslState                             `json:"sasl"`
	Tls                     *tlsState                              `json:"tls"`
}

// tlsState is the brokers' certificate and key (PEM); read at start only.
type tlsState struct {
	Cert string `json:"cert"`
	Key  string `json:"key"`
}

// reporter collects what sarama's mocks complain about (for example a ListOffsets request for a
// partition sent to a broker that does not lead it), so tests can assert there was nothing.
type reporter struct {
	mu     sync.Mutex
	errors []string
}

func (r *reporter) add(s string) {
	r.mu.Lock()
	r.errors = append(r.errors, s)
	r.mu.Unlock()
}
func (r *reporter) Error(args ...interface{})                 { r.add(fmt.Sprint(args...)) }
func (r *reporter) Errorf(format string, args ...interface{}) { r.add(fmt.Sprintf(format, args...)) }
func (r *reporter) Fatal(args ...interface{})                 { r.add(fmt.Sprint(args...)) }
func (r *reporter) Fatalf(format string, args ...interface{}) { r.add(fmt.Sprintf(format, args...)) }

func leaderOf(s *state, partition int32) int32 {
	return partition%int32(s.Brokers) + 1
}

func apply(s *state, brokers []*sarama.MockBroker, auth *authenticator, t *reporter) {
	if s.Brokers < 1 {
		s.Brokers = 1
	}
	auth.set(s.Sasl)
	for _, b := range brokers {
		id := b.BrokerID()
		metadata := sarama.NewMockMetadataResponse(t).SetController(1)
		for _, other := range brokers[:s.Brokers] {
			metadata.SetBroker(other.Addr(), other.BrokerID())
		}
		offsets := sarama.NewMockOffsetResponse(t).SetVersion(1)
		for topic, count := range s.Topics {
			for p := int32(0); p < count; p++ {
				metadata.SetLeader(topic, p, leaderOf(s, p))
				if leaderOf(s, p) == id {
					offsets.SetOffset(topic, p, sarama.OffsetNewest, s.EndOffsets[topic][p])
				}
			}
		}
		coordinator := sarama.NewMockFindCoordinatorResponse(t)
		committed := &sarama.OffsetFetchResponse{Version: offsetFetchVersion}
		for group := range s.Committed {
			c := s.Coordinators[group]
			if c == 0 {
				c = 1
			}
			coordinator.SetCoordinator(sarama.CoordinatorGroup, group, brokers[c-1])
			if c == id {
				for topic, partitions := range s.Committed[group] {
					for p, offset := range partitions {
						committed.AddBlock(topic, p, &sarama.OffsetFetchResponseBlock{Offset: offset, LeaderEpoch: -1})
					}
				}
			}
		}
		var findCoordinator sarama.MockResponse = coordinator
		if s.CoordinatorNotAvailable > 0 {
			sequence := []interface{}{}
			for i := 0; i < s.CoordinatorNotAvailable; i++ {
				sequence = append(sequence, &sarama.FindCoordinatorResponse{Err: sarama.ErrConsumerCoordinatorNotAvailable})
			}
			findCoordinator = sarama.NewMockSequence(append(sequence, coordinator)...)
		}
		b.SetHandlerByMap(map[string]sarama.MockResponse{
			"ApiVersionsRequest":     sarama.NewMockWrapper(&sarama.ApiVersionsResponse{ApiVersions: advertised}),
			"MetadataRequest":        metadata,
			"FindCoordinatorRequest": findCoordinator,
			"OffsetFetchRequest":     sarama.NewMockWrapper(committed),
			"OffsetRequest":          offsets,
		})
	}
}

func readState(r io.Reader) (*state, error) {
	body, err := ioutil.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s := &state{}
	if err := json.Unmarshal(body, s); err != nil {
		return nil, err
	}
	return s, nil
}

const maxBrokers = 3

func main() {
	file, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	initial, err := readState(file)
	file.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if initial.Brokers > maxBrokers {
		fmt.Fprintln(os.Stderr, "at most", maxBrokers, "brokers")
		os.Exit(2)
	}
	t := &reporter{}
	auth := &authenticator{mechanism: map[*versionConn]string{}}
	brokers := []*sarama.MockBroker{}
	listeners := []*versionListener{}
	addrs := []string{}
	for id := int32(1); id <= maxBrokers; id++ {
		listener, err := listen(initial.Tls, auth)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		b := sarama.NewMockBrokerListener(t, id, listener)
		brokers = append(brokers, b)
		listeners = append(listeners, listener)
		addrs = append(addrs, b.Addr())
	}
	var mu sync.Mutex
	apply(initial, brokers, auth, t)

	control, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/state", func(w http.ResponseWriter, r *http.Request) {
		s, err := readState(r.Body)
		if err != nil || s.Brokers > maxBrokers {
			http.Error(w, fmt.Sprint("bad state: ", err), http.StatusBadRequest)
			return
		}
		mu.Lock()
		apply(s, brokers, auth, t)
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/errors", func(w http.ResponseWriter, r *http.Request) {
		t.mu.Lock()
		errors := append([]string{}, t.errors...)
		t.mu.Unlock()
		sort.Strings(errors)
		_ = json.NewEncoder(w).Encode(errors)
	})
	mux.HandleFunc("/connections", func(w http.ResponseWriter, r *http.Request) {
		counts := map[int]int{}
		for i, l := range listeners {
			counts[i+1] = l.connections()
		}
		_ = json.NewEncoder(w).Encode(counts)
	})
	mux.HandleFunc("/authentications", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(auth.entries())
	})
	go func() { _ = http.Serve(control, mux) }()

	ready, _ := json.Marshal(map[string]interface{}{
		"bootstrap": addrs[0],
		"control":   control.Addr().String(),
		"brokers":   addrs,
	})
	fmt.Println(string(ready))

	_, _ = io.Copy(ioutil.Discard, os.Stdin)
	for _, b := range brokers {
		b.Close()
	}
}

// listen opens a broker's loopback listener, behind TLS when the state has a certificate.
func listen(t *tlsState, auth *authenticator) (*versionListener, error) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	if t != nil {
		certificate, err := tls.X509KeyPair([]byte(t.Cert), []byte(t.Key))
		if err != nil {
			return nil, err
		}
		inner = tls.NewListener(inner, &tls.Config{Certificates: []tls.Certificate{certificate}})
	}
	return &versionListener{Listener: inner, auth: auth}, nil
}
