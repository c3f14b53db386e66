#!/usr/bin/env python3
"""A KEDA external scaler (externalscaler.proto) for Crema's tests, on Debian's python3-grpcio.

Usage: external_scaler_server.py --stubs DIR [--port 0] [--tls-cert PEM --tls-key PEM [--client-ca PEM]] [--without-service]
DIR holds externalscaler_pb2.py and externalscaler_pb2_grpc.py (grpc_tools.protoc output).
--without-service serves gRPC with no ExternalScaler service (every call is UNIMPLEMENTED).
Binds 127.0.0.1 only, prints "PORT <n>" once serving, then reads one command per stdin line and
answers each with one line, "OK [result]" or "ERR <why>". Commands:

  metric NAME FLOAT [INT]        GetMetrics for NAME returns metricValueFloat=FLOAT, metricValue=INT
  spec NAME FLOAT [INT]          add or replace a metric spec (targetSizeFloat, targetSize)
  big-spec BYTES                 add a spec (target 1) and metric (value 0) whose name is BYTES long
  compress true|false            gzip-compress every response message
  clear-specs                    GetMetricSpec returns no specs
  active true|false              IsActive result
  push true|false                send IsActiveResponse on every open StreamIsActive; OK <streams>
  end-streams                    close every open stream with OK; OK <streams>
  abort-streams CODE [MESSAGE..] end every open stream with status CODE; OK <streams>
  streams                        OK <open StreamIsActive calls>
  fail METHOD CODE [MESSAGE..]   METHOD answers with status CODE (e.g. INVALID_ARGUMENT); CODE OK clears
  delay SECONDS                  unary calls sleep this long first
  last METHOD                    OK <json of the last request to METHOD, or null>
  calls METHOD                   OK <number of calls to METHOD>
  peers                          OK <number of distinct client connections seen>
  quit                           stop the server and exit

Initially: spec "queue" with targetSizeFloat 10, metric "queue" = 0, IsActive false.
"""
import argparse
import json
import queue
import sys
import threading
import time
from concurrent import futures


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.specs = {"queue": (10.0, 0)}
        self.metrics = {"queue": (0.0, 0)}
        self.active = False
        self.failures = {}
        self.delay = 0.0
        self.compress = False
        self.streams = set()
        self.last = {}
        self.calls = {}
        self.peers = set()
        self.stopping = threading.Event()


def ref_to_dict(ref):
    return {"name": ref.name, "namespace": ref.namespace, "scalerMetadata": dict(ref.scalerMetadata)}


def make_servicer(grpc, pb, pbg, state):
    class Servicer(pbg.ExternalScalerServicer):
        def _begin(self, method, context, request_dict, unary=True):
            with state.lock:
                state.peers.add(context.peer())
                state.calls[method] = state.calls.get(method, 0) + 1
                state.last[method] = request_dict
                delay = state.delay if unary else 0.0
                failure = state.failures.get(method)
                compress = state.compress
            if compress:
                context.set_compression(grpc.Compression.Gzip)
            # Stop waiting once the client has gone (deadline) or the server is quitting.
            until = time.monotonic() + delay
            while time.monotonic() < until and context.is_active() and not state.stopping.is_set():
                time.sleep(0.01)
            if failure is not None:
                context.abort(getattr(grpc.StatusCode, failure[0]), failure[1])

        def IsActive(self, request, context):
            self._begin("IsActive", context, ref_to_dict(request))
            with state.lock:
                return pb.IsActiveResponse(result=state.active)

        def GetMetricSpec(self, request, context):
            self._begin("GetMetricSpec", context, ref_to_dict(request))
            with state.lock:
                specs = [pb.MetricSpec(metricName=n, targetSizeFloat=f, targetSize=i) for n, (f, i) in state.specs.items()]
            return pb.GetMetricSpecResponse(metricSpecs=specs)

        def GetMetrics(self, request, context):
            self._begin("GetMetrics", context, {"scaledObjectRef": ref_to_dict(request.scaledObjectRef), "metricName": request.metricName})
            with state.lock:
                value = state.metrics.get(request.metricName)
            if value is None:
                context.abort(grpc.StatusCode.NOT_FOUND, "no metric " + request.metricName)
            return pb.GetMetricsResponse(metricValues=[pb.MetricValue(metricName=request.metricName, metricValueFloat=value[0], metricValue=value[1])])

        def StreamIsActive(self, request, context):
            self._begin("StreamIsActive", context, ref_to_dict(request), unary=False)
            inbox = queue.Queue()
            with state.lock:
                state.streams.add(inbox)
            try:
                context.send_initial_metadata(())
                while context.is_active():
                    try:
                        item = inbox.get(timeout=0.05)
                    except queue.Empty:
                        continue
                    if item is None:
                        return
                    if isinstance(item, tuple):
                        context.abort(getattr(grpc.StatusCode, item[0]), item[1])
                    yield pb.IsActiveResponse(result=item)
            finally:
                with state.lock:
                    state.streams.discard(inbox)

    return Servicer()


def parse_bool(text):
    if text.lower() not in ("true", "false"):
        raise ValueError("expected true or false")
    return text.lower() == "true"


def handle(state, grpc, words):
    cmd, args = words[0], words[1:]
    with state.lock:
        if cmd == "metric":
            state.metrics[args[0]] = (float(args[1]), int(args[2]) if len(args) > 2 else 0)
        elif cmd == "spec":
            state.specs[args[0]] = (float(args[1]), int(args[2]) if len(args) > 2 else 0)
        elif cmd == "big-spec":
            name = "big-" + "x" * (int(args[0]) - 4)
            state.specs[name] = (1.0, 0)
            state.metrics[name] = (0.0, 0)
        elif cmd == "compress":
            state.compress = parse_bool(args[0])
        elif cmd == "clear-specs":
            state.specs.clear()
        elif cmd == "active":
            state.active = parse_bool(args[0])
        elif cmd == "push":
            value = parse_bool(args[0])
            for inbox in state.streams:
                inbox.put(value)
            return str(len(state.streams))
        elif cmd == "end-streams":
            for inbox in state.streams:
                inbox.put(None)
            return str(len(state.streams))
        elif cmd == "abort-streams":
            getattr(grpc.StatusCode, args[0])
            for inbox in state.streams:
                inbox.put((args[0], " ".join(args[1:])))
            return str(len(state.streams))
        elif cmd == "streams":
            return str(len(state.streams))
        elif cmd == "fail":
            if args[1] == "OK":
                state.failures.pop(args[0], None)
            else:
                getattr(grpc.StatusCode, args[1])
                state.failures[args[0]] = (args[1], " ".join(args[2:]))
        elif cmd == "delay":
            state.delay = float(args[0])
        elif cmd == "last":
            return json.dumps(state.last.get(args[0]))
        elif cmd == "calls":
            return str(state.calls.get(args[0], 0))
        elif cmd == "peers":
            return str(len(state.peers))
        else:
            raise ValueError("unknown command " + cmd)
    return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--client-ca")
    parser.add_argument("--without-service", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, args.stubs)
    import grpc
    import externalscaler_pb2 as pb
    import externalscaler_pb2_grpc as pbg

    state = State()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=32))
    if not args.without_service:
        pbg.add_ExternalScalerServicer_to_server(make_servicer(grpc, pb, pbg, state), server)
    address = "127.0.0.1:%d" % args.port
    if args.tls_cert:
        with open(args.tls_cert, "rb") as f:
            cert = f.read()
        with open(args.tls_key, "rb") as f:
            key = f.read()
        client_ca = None
        if args.client_ca:
            with open(args.client_ca, "rb") as f:
                client_ca = f.read()
        credentials = grpc.ssl_server_credentials([(key, cert)], root_certificates=client_ca, require_client_auth=client_ca is not None)
        port = server.add_secure_port(address, credentials)
    else:
        port = server.add_insecure_port(address)
    server.start()
    print("PORT %d" % port, flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        try:
            result = handle(state, grpc, words)
            print(("OK " + result).rstrip(), flush=True)
        except Exception as error:  # reply, never die: the test reads one line per command
            print("ERR %s: %s" % (type(error).__name__, error), flush=True)
    state.stopping.set()
    with state.lock:
        for inbox in state.streams:
            inbox.put(None)
    server.stop(0)


if __name__ == "__main__":
    main()
