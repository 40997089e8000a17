/** The HTTP contract the control plane's handlers (the incident webhook) answer to: a handler and its reply, free of any endpoint. */
package org.skyfleet.server.http;
