/// The OpenAPI 3.0 description of `/api/`, served at `/api/openapi.json`.
///
/// Written by hand to match the command line's `--json` shapes; the test suite holds it
/// to what the server answers, and schemathesis checks it against the running server.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.0.3",
      "info": {
        "title": "FactDesk",
        "version": "1",
        "description": "The web desk's JSON API: the shapes of the command line's --json output. Authenticate with an API token from `factdesk token create`, sent as `Authorization: Bearer TOKEN`. Every GET also answers HEAD, with the same headers and no body. Malformed HTTP (a bad chunk size, a body that ends before its Content-Length) gets 400 and the connection is closed, as it is after a 413. A connection has 10 seconds (serve --header-timeout) to send a request's head and may stay silent 60 seconds (serve --idle-timeout)."
      },
      "servers": [{"url": "/"}],
      "security": [{"token": []}],
      "paths": {
        "/api/claims": {
          "get": {
            "summary": "Claims, filtered and searched as `claim list` and `claim search` do; 50 a page.",
            "operationId": "listClaims",
            "parameters": [
              {"name": "status", "in": "query", "schema": {"type": "string"}, "description": "A state of the desk's workflow."},
              {"name": "assignee", "in": "query", "schema": {"type": "string"}},
              {"name": "source", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 1}},
              {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 500}, "description": "Words to search for."},
              {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["id", "worthiness", "due"]}},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100000}}
            ],
            "responses": {
              "200": {"description": "The claims.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Claim"}}}}},
              "400": {"$ref": "#/components/responses/Invalid"},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/claims/{id}": {
          "get": {
            "summary": "One claim with its notes, evidence, history, related claims and the transitions open to you (`claim show --json`).",
            "operationId": "showClaim",
            "parameters": [{"$ref": "#/components/parameters/ClaimID"}],
            "responses": {
              "200": {"description": "The claim.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ClaimDetail"}}}},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/claims/{id}/transitions/{name}": {
          "post": {
            "summary": "Runs a transition of the workflow on the claim, as you, with its guards.",
            "operationId": "runTransition",
            "parameters": [
              {"$ref": "#/components/parameters/ClaimID"},
              {"name": "name", "in": "path", "required": true, "schema": {"type": "string"}, "description": "The transition: assign, start, verify, dispute, ..."}
            ],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TransitionRequest"}}}},
            "responses": {
              "200": {"description": "The claim after the transition.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Claim"}}}}},
              "400": {"$ref": "#/components/responses/Invalid"},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "403": {"$ref": "#/components/responses/NotAllowed"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "409": {"$ref": "#/components/responses/Conflict"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/claims/{id}/notes": {
          "post": {
            "summary": "Adds a note to the claim.",
            "operationId": "addNote",
            "parameters": [{"$ref": "#/components/parameters/ClaimID"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {
              "type": "object", "required": ["body"], "properties": {"body": {"type": "string"}}}}}},
            "responses": {
              "201": {"description": "The note.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}},
              "400": {"$ref": "#/components/responses/Invalid"},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "403": {"$ref": "#/components/responses/NotAllowed"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/history": {
          "get": {
            "summary": "The history, newest first, of the desk or of one claim (`history --json`).",
            "operationId": "history",
            "parameters": [
              {"name": "claim", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 1}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}
            ],
            "responses": {
              "200": {"description": "The events.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}}},
              "400": {"$ref": "#/components/responses/Invalid"},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/stats": {
          "get": {
            "summary": "The desk's figures (`stats --json`).",
            "operationId": "stats",
            "responses": {
              "200": {"description": "The figures.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/tips": {
          "post": {
            "summary": "Takes a reader's tip from a tipline bot: the claim in the reader's words and/or a link, and an optional contact kept from the history.",
            "operationId": "sendTip",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {
              "type": "object", "properties": {
                "text": {"type": "string", "maxLength": 5000}, "url": {"type": "string", "format": "uri"},
                "contact": {"type": "string", "maxLength": 200}, "language": {"type": "string", "pattern": "^[a-z]{2,3}$"}}}}}},
            "responses": {
              "201": {"description": "The reader's receipt code, for /tips/{code}.", "content": {"application/json": {"schema": {
                "type": "object", "required": ["code", "status"], "properties": {
                  "code": {"type": "string", "pattern": "^[0-9A-Z]{16}$"}, "status": {"type": "string", "enum": ["received"]}}}}}},
              "400": {"$ref": "#/components/responses/Invalid"},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "403": {"$ref": "#/components/responses/NotAllowed"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/inbox": {
          "get": {
            "summary": "Your inbox, newest first (`inbox --json`): assignments, deadlines, mentions, verdicts, tips.",
            "operationId": "inbox",
            "parameters": [{"name": "unread", "in": "query", "schema": {"type": "string", "enum": ["0", "1"]}, "description": "1 for unread items only."}],
            "responses": {
              "200": {"description": "The items.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/InboxItem"}}}}},
              "400": {"$ref": "#/components/responses/Invalid"},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/inbox/unread": {
          "get": {
            "summary": "How many of your inbox's items you have not read.",
            "operationId": "unreadCount",
            "responses": {
              "200": {"description": "The count.", "content": {"application/json": {"schema": {
                "type": "object", "required": ["unread"], "properties": {"unread": {"type": "integer", "minimum": 0}}}}}},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/events": {
          "get": {
            "summary": "The history in order after a number, each event as webhooks get it (its `history --json` fields and a summary of its claim); with wait, a long poll that answers as soon as an event comes.",
            "operationId": "events",
            "parameters": [
              {"name": "after", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 0}, "description": "The number of the last event you have; 0 for the start."},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
              {"name": "wait", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 60}, "description": "Seconds to wait for an event when there is none yet; 30 suits most clients."}
            ],
            "responses": {
              "200": {"description": "The events, oldest first; empty when none came within the wait.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/EventMessage"}}}}},
              "400": {"$ref": "#/components/responses/Invalid"},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        },
        "/api/events/stream": {
          "get": {
            "summary": "The history as Server-Sent Events: `id` is the event's number, `event` its action, `data` the JSON of /api/events; a client that reconnects with Last-Event-ID resumes after it. Never ends by itself.",
            "operationId": "eventStream",
            "parameters": [
              {"name": "after", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 0}},
              {"name": "Last-Event-ID", "in": "header", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"description": "The stream.", "content": {"text/event-stream": {"schema": {"type": "string"}}}},
              "400": {"$ref": "#/components/responses/Invalid"},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "421": {"$ref": "#/components/responses/WrongHost"}
            }
          }
        },
        "/api/audit/head": {
          "get": {
            "summary": "The history's last event: publish it to anchor `audit verify --anchor`.",
            "operationId": "auditHead",
            "responses": {
              "200": {"description": "The head.", "content": {"application/json": {"schema": {
                "type": "object", "required": ["seq", "hash"], "properties": {
                  "seq": {"type": "integer", "format": "int64"}, "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}}}}},
              "401": {"$ref": "#/components/responses/NotLoggedIn"},
              "421": {"$ref": "#/components/responses/WrongHost"},
              "503": {"$ref": "#/components/responses/Busy"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        "parameters": {
          "ClaimID": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64", "minimum": 1}}
        },
        "responses": {
          "Invalid": {"description": "The input is not valid.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotLoggedIn": {"description": "No valid token or session.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotAllowed": {"description": "You may not do this.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such claim, transition or route.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Conflict": {"description": "The transition is not allowed from the claim's state, or the claim changed since the version given.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "TooLarge": {"description": "The body is over 1 MiB; the server closes the connection after saying so.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "WrongHost": {"description": "The request's Host is not the desk's base URL (serve --base-url): a page of another name pointed at this server, as in DNS rebinding.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Busy": {"description": "Another writer held the desk too long; try again.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["kind", "message"], "properties": {
              "kind": {"type": "string", "enum": ["invalid_input", "not_logged_in", "not_allowed", "not_found", "conflict", "transition_not_allowed", "too_large", "wrong_host", "locked_out", "busy", "internal"]},
              "message": {"type": "string"}}}}
          },
          "Claim": {
            "type": "object",
            "required": ["id", "source_id", "text", "status", "assignee", "speaker", "start", "end", "version", "created_at", "updated_at", "worthiness", "reasons", "due_at"],
            "properties": {
              "id": {"type": "integer", "format": "int64"},
              "source_id": {"type": "integer", "format": "int64"},
              "text": {"type": "string"},
              "status": {"type": "string"},
              "assignee": {"type": "string", "nullable": true},
              "speaker": {"type": "string", "nullable": true},
              "start": {"type": "integer", "nullable": true},
              "end": {"type": "integer", "nullable": true},
              "version": {"type": "integer", "format": "int64"},
              "created_at": {"type": "string", "format": "date-time"},
              "updated_at": {"type": "string", "format": "date-time"},
              "worthiness": {"type": "integer"},
              "reasons": {"type": "array", "items": {"type": "string"}},
              "due_at": {"type": "string", "format": "date-time", "nullable": true}
            }
          },
          "ClaimDetail": {
            "allOf": [
              {"$ref": "#/components/schemas/Claim"},
              {"type": "object", "required": ["source_title", "notes", "evidence", "history", "transitions", "related", "other_sources", "known_checks"],
               "properties": {
                 "source_title": {"type": "string"},
                 "notes": {"type": "array", "items": {"$ref": "#/components/schemas/Note"}},
                 "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}},
                 "history": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
                 "transitions": {"type": "array", "items": {"type": "string"}},
                 "related": {"type": "array", "items": {"$ref": "#/components/schemas/Related"}},
                 "other_sources": {"type": "integer"},
                 "known_checks": {"type": "array", "items": {"$ref": "#/components/schemas/KnownCheck"}}
               }}
            ]
          },
          "Note": {
            "type": "object", "required": ["author", "body", "at"],
            "properties": {"author": {"type": "string"}, "body": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}
          },
          "Evidence": {
            "type": "object", "required": ["url", "stance", "added_by", "at"],
            "properties": {
              "url": {"type": "string"}, "stance": {"type": "string", "enum": ["supports", "refutes", "context"]},
              "note": {"type": "string", "nullable": true}, "added_by": {"type": "string"}, "at": {"type": "string", "format": "date-time"}
            }
          },
          "Related": {
            "type": "object", "required": ["claim_id", "source_id", "score", "status"],
            "properties": {
              "claim_id": {"type": "integer", "format": "int64"}, "source_id": {"type": "integer", "format": "int64"},
              "score": {"type": "number"}, "status": {"type": "string"}, "decided_by": {"type": "string", "nullable": true}
            }
          },
          "KnownCheck": {
            "type": "object",
            "required": ["publisher", "url", "date", "claim_reviewed", "rating", "rating_value", "language", "score"],
            "properties": {
              "publisher": {"type": "string"}, "url": {"type": "string", "nullable": true},
              "date": {"type": "string", "nullable": true}, "claim_reviewed": {"type": "string"},
              "rating": {"type": "string", "nullable": true}, "rating_value": {"type": "string", "nullable": true},
              "language": {"type": "string", "nullable": true}, "score": {"type": "number"}
            }
          },
          "Event": {
            "type": "object", "required": ["seq", "at", "actor", "claim_id", "source_id", "action", "from", "to", "details"],
            "properties": {
              "seq": {"type": "integer", "format": "int64"},
              "at": {"type": "string", "format": "date-time"},
              "actor": {"type": "string"},
              "claim_id": {"type": "integer", "format": "int64", "nullable": true},
              "source_id": {"type": "integer", "format": "int64", "nullable": true},
              "action": {"type": "string"},
              "from": {"type": "string", "nullable": true},
              "to": {"type": "string", "nullable": true},
              "details": {"type": "object", "additionalProperties": true},
              "signer": {"type": "string", "nullable": true},
              "signature": {"type": "string", "nullable": true}
            }
          },
          "InboxItem": {
            "type": "object", "required": ["id", "topic", "text", "claim_id", "seq", "at", "read"],
            "properties": {
              "id": {"type": "integer", "format": "int64"},
              "topic": {"type": "string", "enum": ["assigned", "due", "overdue", "escalated", "mention", "verdict", "reopened", "approval", "tip", "feed-failing", "webhook-disabled", "audit-failed"]},
              "text": {"type": "string"},
              "claim_id": {"type": "integer", "format": "int64", "nullable": true},
              "seq": {"type": "integer", "format": "int64", "nullable": true},
              "at": {"type": "string", "format": "date-time"},
              "read": {"type": "boolean"}
            }
          },
          "EventMessage": {
            "allOf": [{"$ref": "#/components/schemas/Event"}, {"type": "object", "properties": {
              "claim": {"type": "object", "nullable": true, "required": ["id", "state", "assignee", "text", "link"], "properties": {
                "id": {"type": "integer", "format": "int64"}, "state": {"type": "string"},
                "assignee": {"type": "string", "nullable": true}, "text": {"type": "string"},
                "link": {"type": "string", "nullable": true}}}}}]
          },
          "Stats": {
            "type": "object", "required": ["states", "reviewers", "median_seconds_to_verdict", "verdicts_this_week", "verdicts_per_day"],
            "properties": {
              "states": {"type": "object", "additionalProperties": {"type": "integer"}},
              "reviewers": {"type": "array", "items": {"type": "object", "required": ["handle", "open", "done", "overdue"], "properties": {
                "handle": {"type": "string"}, "open": {"type": "integer"}, "done": {"type": "integer"}, "overdue": {"type": "integer"}}}},
              "median_seconds_to_verdict": {"type": "number", "nullable": true},
              "verdicts_this_week": {"type": "integer"},
              "verdicts_per_day": {"type": "array", "items": {"type": "object", "required": ["day", "verdicts"], "properties": {
                "day": {"type": "string"}, "verdicts": {"type": "integer"}}}}
            }
          },
          "TransitionRequest": {
            "type": "object",
            "properties": {
              "note": {"type": "string", "description": "Why; required by some transitions."},
              "evidence": {"type": "array", "items": {"type": "string"}, "description": "URLs or citations."},
              "to": {"type": "string", "description": "The reviewer to assign, for a transition that assigns."},
              "due": {"type": "string", "description": "2h, 3d, 1w, YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)."},
              "version": {"type": "integer", "format": "int64", "description": "Refuse if the claim is no longer at this version."}
            }
          }
        }
      }
    }
    """#
}
