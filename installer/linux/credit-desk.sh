#!/bin/sh
# /usr/bin/credit-desk: start the bundled program in /opt/credit-desk (no system Python needed).
exec /opt/credit-desk/credit-desk "$@"
