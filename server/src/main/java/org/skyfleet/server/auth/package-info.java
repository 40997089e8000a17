/** Who is calling: signed bearer tokens with a subject, a role and an expiry. */
package org.skyfleet.server.auth;
