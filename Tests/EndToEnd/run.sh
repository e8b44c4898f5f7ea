#!/bin/sh
# Placeholder until the browser and nginx tests land.
exit 0
