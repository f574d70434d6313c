export const id = 5;
export const ids = [5];
export const modules = {

/***/ 8005:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_HTTP_TIMEOUTS: () => (/* binding */ DEFAULT_HTTP_TIMEOUTS),
/* harmony export */   TIMEOUT_CODES: () => (/* binding */ TIMEOUT_CODES),
/* harmony export */   TimedAgents: () => (/* binding */ TimedAgents),
/* harmony export */   httpTimeoutsFrom: () => (/* binding */ httpTimeoutsFrom),
/* harmony export */   timedHttpClient: () => (/* binding */ timedHttpClient)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5932);
/**
 * Connect and idle timeouts for every HTTP request the Azure backend sends (ARM, the data plane,
 * blob storage, sign-in). Node's sockets wait forever by default, so a connection that opens and
 * then goes silent (a stalled proxy, a dead load balancer) would hold a CI job until the job's own
 * limit. Here each socket gets two deadlines:
 *
 * - connect: the TCP connection, and for HTTPS the TLS handshake, must complete in `connectMs`;
 * - idle: no byte in either direction for `idleMs` while a request uses the socket ends it.
 *
 * The socket is destroyed with an error whose code the Azure SDK's retry policies treat as a
 * transient network failure (ETIMEDOUT, ESOCKETTIMEDOUT), so the request is retried per the SDK's
 * policy, and after the last retry fails with the message set here.
 */



const DEFAULT_HTTP_TIMEOUTS = { connectMs: 30_000, idleMs: 120_000 };
/** Codes the timeouts raise; the SDK retry strategies retry both. */
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT"]);
/**
 * Timeouts from MLOPS_HTTP_CONNECT_TIMEOUT_MS and MLOPS_HTTP_IDLE_TIMEOUT_MS (milliseconds), for
 * slow networks and for tests; anything not a positive number keeps the default.
 */
function httpTimeoutsFrom(env) {
    const ms = (v, fallback) => {
        const n = Number(v);
        return v && Number.isFinite(n) && n > 0 ? n : fallback;
    };
    return {
        connectMs: ms(env.MLOPS_HTTP_CONNECT_TIMEOUT_MS, DEFAULT_HTTP_TIMEOUTS.connectMs),
        idleMs: ms(env.MLOPS_HTTP_IDLE_TIMEOUT_MS, DEFAULT_HTTP_TIMEOUTS.idleMs),
    };
}
const seconds = (ms) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);
function timeoutError(code, message) {
    return Object.assign(new Error(message), { code });
}
/** Arms both deadlines on a new socket. `secure`: the connection counts once TLS is up. */
function guard(socket, host, t, secure) {
    const connected = () => clearTimeout(timer);
    const timer = setTimeout(() => {
        socket.destroy(timeoutError("ETIMEDOUT", `no ${secure ? "TLS " : ""}connection to ${host} within ${seconds(t.connectMs)}`));
    }, t.connectMs);
    timer.unref();
    socket.once(secure ? "secureConnect" : "connect", connected);
    socket.once("close", connected);
    socket.on("timeout", () => {
        // A socket waiting in the keep-alive pool is the agent's to close; one serving a request has
        // stalled: end it with an error the request sees.
        if (socket._httpMessage) {
            socket.destroy(timeoutError("ESOCKETTIMEDOUT", `${host} sent nothing for ${seconds(t.idleMs)}`));
        }
    });
}
/** An agent whose sockets carry the deadlines; `timeout` keeps the idle deadline on pooled sockets too. */
function timedAgent(secure, t, tls) {
    const Base = secure ? node_https__WEBPACK_IMPORTED_MODULE_1__.Agent : node_http__WEBPACK_IMPORTED_MODULE_0__.Agent;
    const agent = new Base({ keepAlive: true, timeout: t.idleMs, ...(secure ? tls : {}) });
    const create = agent.createConnection.bind(agent);
    agent.createConnection = (options, callback) => {
        const socket = create(options, callback);
        const host = `${options.host ?? options.hostname ?? "?"}:${options.port ?? (secure ? 443 : 80)}`;
        guard(socket, host, t, secure);
        return socket;
    };
    return agent;
}
/**
 * Agents by protocol and TLS settings (the same settings object shares one pool), set on each
 * request that brings none of its own.
 */
class TimedAgents {
    timeouts;
    plain;
    secure = new Map();
    constructor(timeouts) {
        this.timeouts = timeouts;
        this.plain = timedAgent(false, timeouts);
    }
    for(url, tls) {
        if (!url.startsWith("https:"))
            return this.plain;
        let agent = this.secure.get(tls);
        if (!agent) {
            agent = timedAgent(true, this.timeouts, tls);
            this.secure.set(tls, agent);
        }
        return agent;
    }
    /** Sets the agent on a request (core-rest-pipeline's or storage's) that has none. */
    apply(request, tls) {
        request.agent ??= this.for(request.url, request.tlsSettings ?? tls);
    }
}
/** The SDK's default HTTP client, with timed sockets on every request. */
function timedHttpClient(agents) {
    const inner = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_2__/* .createDefaultHttpClient */ .fl)();
    return {
        sendRequest(request) {
            agents.apply(request);
            return inner.sendRequest(request);
        },
    };
}


/***/ })

};
