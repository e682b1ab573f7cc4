/** Rules of the specifications (RFC 9110/9112, RFC 6455, RFC 7692) as typed values with their sections. */
package org.wslab.handshake.spec;
