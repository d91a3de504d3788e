#!/bin/sh
# /usr/bin/credit-desk: start the bundled program in /opt/credit-desk (no system Python needed).
# Chinese input: the program itself picks Qt's input-method module from the running desktop before its first window
# (fcitx5 is reached through Qt's bundled ibus plugin and fcitx5's IBus frontend; credit_desk/gui/input_method.py).
# CREDIT_DESK_IM_MODULE=<module> overrides that choice for this PC.
exec /opt/credit-desk/credit-desk "$@"
