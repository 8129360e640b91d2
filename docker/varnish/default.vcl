vcl 4.1;

# Pressroom's shared HTTP cache (Varnish 7 with varnish-modules' xkey): keeps anonymous public
# answers that name their surrogate keys in `xkey`, for as long as their Surrogate-Control says, and
# drops them when the app sends `PURGE` with the keys a write changed (header `xkey`, space
# separated). The keys are described in src/main/java/io/pressroom/delivery/SurrogateKeys.java and
# in README "Shared HTTP cache (Varnish)".

import std;
import xkey;

# The load balancer in front of the Pressroom instances. The two marked lines are the only ones a
# script changes, e.g. for scale/run on one machine:
#   sed -e 's/^\( *\.host = \)"[^"]*";\( *# BACKEND_HOST\)$/\1"127.0.0.1";\2/' \
#       -e 's/^\( *\.port = \)"[^"]*";\( *# BACKEND_PORT\)$/\1"18080";\2/' default.vcl > run.vcl
backend default {
    .host = "haproxy"; # BACKEND_HOST
    .port = "8080"; # BACKEND_PORT
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the app instances. These ranges cover localhost and any private (compose) network;
# in production narrow them to the addresses of the app instances alone.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
    "fc00::"/7;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "A PURGE names its surrogate keys in the xkey header"));
        }
        # A hard purge: nothing a write changed is served again, not even while refetching.
        return (synth(200, "Purged " + xkey.purge(req.http.xkey)));
    }

    # The client is whoever connects to Varnish: the app trusts the first X-Forwarded-For address
    # only from its proxies, so a client cannot choose the address its limits count against.
    set req.http.X-Forwarded-For = client.ip;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in readers, aggregators' keys and anything with cookies reach the app every time: their
    # answers are personal, or counted against the caller.
    if (req.http.Authorization || req.http.X-Api-Key || req.http.Cookie) {
        set req.http.X-Varnish-Pass = "1";
        return (pass);
    }
    return (hash);
}

sub vcl_backend_fetch {
    unset bereq.http.X-Varnish-Pass;
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the app marked for the edge is kept: a 200 that names its keys and its edge lifetime
    # (Surrogate-Control: max-age, cut short by the app at the next scheduled publication, so that
    # listings change at that instant here too). A 304 to Varnish's own conditional refetch arrives
    # here as the kept 200 with fresh headers.
    if (beresp.status == 200
        && beresp.http.xkey
        && beresp.http.Surrogate-Control ~ "max-age=[0-9]+"
        && !beresp.http.Set-Cookie) {
        set beresp.ttl = std.duration(
            regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1") + "s", 0s);
        unset beresp.http.Surrogate-Control;
        # One client's allowance is not every client's: a kept answer carries none.
        unset beresp.http.RateLimit-Limit;
        unset beresp.http.RateLimit-Remaining;
        unset beresp.http.RateLimit-Reset;
        if (beresp.ttl > 0s) {
            # No grace: an answer is never served past its lifetime (a scheduled publication).
            set beresp.grace = 0s;
            # Kept a while longer for its ETag: a refetch may get a 304.
            set beresp.keep = 1h;
            return (deliver);
        }
    }
    # Everything else (errors, 404/410, answers without keys) is fetched again each time.
    set beresp.uncacheable = true;
    set beresp.ttl = 10s;
    return (deliver);
}

sub vcl_deliver {
    # The keys and the edge lifetime are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Control;
    if (req.http.X-Varnish-Pass) {
        set resp.http.X-Varnish-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
        # The app's own X-Cache tells how that instance answered the fetch, not this request.
        unset resp.http.X-Cache;
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
}
