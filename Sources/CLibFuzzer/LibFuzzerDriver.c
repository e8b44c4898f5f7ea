// The declaration in include/LibFuzzerDriver.h is the whole target; SwiftPM needs one source.
#include "LibFuzzerDriver.h"
