// PDF/X-1a colour: ICCBased CMYK and grey written as DeviceCMYK and DeviceGray (conform.h).
#include "pdf/conform.h"

#include <qpdf/QPDFObjectHandle.hh>

namespace pdf {

namespace {

using Obj = QPDFObjectHandle;

// The device space an [/ICCBased s] array stands for, or null when it is not one we may
// replace (RGB or Lab profiles, anything else).
Obj device_space_of(Obj cs) {
  if (!cs.isArray() || cs.getArrayNItems() != 2 || !cs.getArrayItem(0).isName() ||
      cs.getArrayItem(0).getName() != "/ICCBased" || !cs.getArrayItem(1).isStream())
    return Obj::newNull();
  Obj n = cs.getArrayItem(1).getDict().getKey("/N");
  if (!n.isInteger()) return Obj::newNull();
  if (n.getIntValue() == 4) return Obj::newName("/DeviceCMYK");
  if (n.getIntValue() == 1) return Obj::newName("/DeviceGray");
  return Obj::newNull();
}

// Rewrites the direct values inside `o` (a dictionary, or an array such as a Separation's
// [/Separation /Ink alternate tint]); indirect ones are visited on their own.
void rewrite(Obj o, int depth) {
  if (depth > 32) return;
  if (o.isStream()) o = o.getDict();
  if (o.isDictionary()) {
    if (Obj spaces = o.getKey("/ColorSpace"); spaces.isDictionary())
      for (const char* k : {"/DefaultCMYK", "/DefaultGray", "/DefaultRGB"}) spaces.removeKey(k);
    for (const auto& key : o.getKeys()) {
      Obj v = o.getKey(key);
      if (Obj d = device_space_of(v); !d.isNull()) o.replaceKey(key, d);
      else if (!v.isIndirect()) rewrite(v, depth + 1);
    }
  } else if (o.isArray()) {
    for (int i = 0; i < o.getArrayNItems(); ++i) {
      Obj v = o.getArrayItem(i);
      if (Obj d = device_space_of(v); !d.isNull()) o.setArrayItem(i, d);
      else if (!v.isIndirect()) rewrite(v, depth + 1);
    }
  }
}

}  // namespace

void conform_colour(QPDF& pdf, const Conformance& c) {
  if (c.icc_colour) return;
  for (Obj o : pdf.getAllObjects()) rewrite(o, 0);
}

}  // namespace pdf
