// The WebGL programs that draw factgraph's node shapes and dashed edges with sigma.js, so
// that the page shows a party, an agreement or an absent duty as the other exports do
// (export/style.go). sigma draws only discs and solid lines of its own.
(function () {
  'use strict';
  var rendering = window.Sigma.rendering;
  var floatColor = window.Sigma.utils.floatColor;

  // Shape numbers, by the Graphviz shape names export/style.go gives.
  var SHAPES = { ellipse: 0, box: 1, hexagon: 2, component: 3, note: 4 };

  var NODE_VERTEX = [
    'attribute vec4 a_id;',
    'attribute vec4 a_color;',
    'attribute vec2 a_position;',
    'attribute float a_size;',
    'attribute float a_shape;',
    'attribute float a_angle;',
    'uniform mat3 u_matrix;',
    'uniform float u_sizeRatio;',
    'uniform float u_correctionRatio;',
    'varying vec4 v_color;',
    'varying vec2 v_diffVector;',
    'varying float v_radius;',
    'varying float v_shape;',
    'const float bias = 255.0 / 254.0;',
    'void main() {',
    '  float size = a_size * u_correctionRatio / u_sizeRatio * 4.0;',
    '  vec2 diffVector = size * vec2(cos(a_angle), sin(a_angle));',
    '  gl_Position = vec4((u_matrix * vec3(a_position + diffVector, 1)).xy, 0, 1);',
    '  v_diffVector = diffVector;',
    '  v_radius = size / 2.0;',
    '  v_shape = a_shape;',
    '  #ifdef PICKING_MODE',
    '  v_color = a_id;',
    '  #else',
    '  v_color = a_color;',
    '  #endif',
    '  v_color.a *= bias;',
    '}'
  ].join('\n');

  // Each shape is a signed distance, negative inside, in units of the node's radius; the
  // triangle sigma draws a node in holds the unit disc, and every shape stays within it.
  var NODE_FRAGMENT = [
    'precision highp float;',
    'varying vec4 v_color;',
    'varying vec2 v_diffVector;',
    'varying float v_radius;',
    'varying float v_shape;',
    'uniform float u_correctionRatio;',
    'const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);',
    'const vec4 outline = vec4(0.2, 0.2, 0.2, 1.0);',
    'float box(vec2 p, vec2 b) {',
    '  vec2 d = abs(p) - b;',
    '  return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);',
    '}',
    'float hexagon(vec2 p, float r) {',
    '  const vec3 k = vec3(-0.866025404, 0.5, 0.577350269);',
    '  p = abs(p);',
    '  p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;',
    '  p -= vec2(clamp(p.x, -k.z * r, k.z * r), r);',
    '  return length(p) * sign(p.y);',
    '}',
    'void main(void) {',
    '  vec2 p = v_diffVector / v_radius;',
    '  float d;',
    '  if (v_shape < 0.5) d = length(p) - 0.95;',
    '  else if (v_shape < 1.5) d = box(p, vec2(0.85, 0.55));',
    '  else if (v_shape < 2.5) d = hexagon(p.yx, 0.8);',
    '  else if (v_shape < 3.5) d = min(box(p - vec2(0.1, 0.0), vec2(0.75, 0.55)),',
    '      min(box(p - vec2(-0.72, 0.25), vec2(0.18, 0.09)), box(p - vec2(-0.72, -0.25), vec2(0.18, 0.09))));',
    '  else d = max(box(p, vec2(0.72, 0.62)), (p.x + p.y - 0.95) * 0.7071);',
    '  float dist = d * v_radius;',
    '  float border = u_correctionRatio * 2.0;',
    '  #ifdef PICKING_MODE',
    '  gl_FragColor = dist > 0.0 ? transparent : v_color;',
    '  #else',
    '  vec4 inside = dist > -border * 0.75 ? outline : v_color;',
    '  float t = clamp(dist / border + 1.0, 0.0, 1.0);',
    '  gl_FragColor = mix(inside, transparent, t);',
    '  #endif',
    '}'
  ].join('\n');

  var GL = WebGLRenderingContext;

  class NodeShapeProgram extends rendering.NodeProgram {
    getDefinition() {
      return {
        VERTICES: 3,
        VERTEX_SHADER_SOURCE: NODE_VERTEX,
        FRAGMENT_SHADER_SOURCE: NODE_FRAGMENT,
        METHOD: GL.TRIANGLES,
        UNIFORMS: ['u_sizeRatio', 'u_correctionRatio', 'u_matrix'],
        ATTRIBUTES: [
          { name: 'a_position', size: 2, type: GL.FLOAT },
          { name: 'a_size', size: 1, type: GL.FLOAT },
          { name: 'a_color', size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
          { name: 'a_id', size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
          { name: 'a_shape', size: 1, type: GL.FLOAT }
        ],
        CONSTANT_ATTRIBUTES: [{ name: 'a_angle', size: 1, type: GL.FLOAT }],
        CONSTANT_DATA: [[0], [2 * Math.PI / 3], [4 * Math.PI / 3]]
      };
    }
    processVisibleItem(nodeIndex, startIndex, data) {
      var a = this.array;
      a[startIndex++] = data.x;
      a[startIndex++] = data.y;
      a[startIndex++] = data.size;
      a[startIndex++] = floatColor(data.color);
      a[startIndex++] = nodeIndex;
      a[startIndex++] = SHAPES[data.shape] || 0;
    }
    setUniforms(params, info) {
      var gl = info.gl, u = info.uniformLocations;
      gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
      gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
      gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
    }
  }

  // Edges are sigma's clamped line (it stops short of the arrow head) and arrow head, each
  // moved sideways by the edge's "offset" attribute so that the edges between one pair of
  // nodes (a duty each way, a claim beside them) lie side by side instead of on top of each
  // other; the dashed line also passes its distance along the edge, in screen pixels, to
  // the fragment shader.
  function lineVertex(dashed) {
    return [
      'attribute vec4 a_id;',
      'attribute vec4 a_color;',
      'attribute vec2 a_normal;',
      'attribute float a_normalCoef;',
      'attribute vec2 a_positionStart;',
      'attribute vec2 a_positionEnd;',
      'attribute float a_positionCoef;',
      'attribute float a_radius;',
      'attribute float a_radiusCoef;',
      'attribute float a_offset;',
      'uniform mat3 u_matrix;',
      'uniform float u_zoomRatio;',
      'uniform float u_sizeRatio;',
      'uniform float u_pixelRatio;',
      'uniform float u_correctionRatio;',
      'uniform float u_minEdgeThickness;',
      'uniform float u_lengthToThicknessRatio;',
      'uniform float u_feather;',
      dashed ? 'uniform vec2 u_resolution;' : '',
      'varying vec4 v_color;',
      'varying vec2 v_normal;',
      'varying float v_thickness;',
      'varying float v_feather;',
      dashed ? 'varying float v_along;' : '',
      'const float bias = 255.0 / 254.0;',
      'void main() {',
      '  float minThickness = u_minEdgeThickness;',
      '  float radius = a_radius * a_radiusCoef;',
      '  vec2 normal = a_normal * a_normalCoef;',
      '  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;',
      '  float normalLength = length(normal);',
      '  vec2 unitNormal = normal / normalLength;',
      '  vec2 shift = normalize(a_normal) * a_offset * u_correctionRatio / u_sizeRatio;',
      '  float pixelsThickness = max(normalLength, minThickness * u_sizeRatio);',
      '  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;',
      '  float direction = sign(radius);',
      '  float webGLNodeRadius = direction * radius * 2.0 * u_correctionRatio / u_sizeRatio;',
      '  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;',
      '  vec2 compensationVector = vec2(-direction * unitNormal.y, direction * unitNormal.x) * (webGLNodeRadius + webGLArrowHeadLength);',
      '  gl_Position = vec4((u_matrix * vec3(position + shift + unitNormal * webGLThickness + compensationVector, 1)).xy, 0, 1);',
      dashed ? [
        '  vec2 s = (u_matrix * vec3(a_positionStart, 1)).xy * u_resolution / 2.0;',
        '  vec2 e = (u_matrix * vec3(a_positionEnd, 1)).xy * u_resolution / 2.0;',
        '  v_along = a_positionCoef * length(e - s);'
      ].join('\n') : '',
      '  v_thickness = webGLThickness / u_zoomRatio;',
      '  v_normal = unitNormal;',
      '  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;',
      '  #ifdef PICKING_MODE',
      '  v_color = a_id;',
      '  #else',
      '  v_color = a_color;',
      '  #endif',
      '  v_color.a *= bias;',
      '}'
    ].join('\n');
  }

  var DASHED_FRAGMENT = [
    'precision mediump float;',
    'varying vec4 v_color;',
    'varying vec2 v_normal;',
    'varying float v_thickness;',
    'varying float v_feather;',
    'varying float v_along;',
    'const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);',
    'void main(void) {',
    '  #ifdef PICKING_MODE',
    '  gl_FragColor = v_color;',
    '  #else',
    '  if (mod(v_along, 10.0) > 6.0) discard;',
    '  float dist = length(v_normal) * v_thickness;',
    '  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);',
    '  gl_FragColor = mix(v_color, transparent, t);',
    '  #endif',
    '}'
  ].join('\n');

  var HEAD_VERTEX = [
    'attribute vec2 a_position;',
    'attribute vec2 a_normal;',
    'attribute float a_radius;',
    'attribute vec3 a_barycentric;',
    'attribute float a_offset;',
    '#ifdef PICKING_MODE',
    'attribute vec4 a_id;',
    '#else',
    'attribute vec4 a_color;',
    '#endif',
    'uniform mat3 u_matrix;',
    'uniform float u_sizeRatio;',
    'uniform float u_correctionRatio;',
    'uniform float u_minEdgeThickness;',
    'uniform float u_lengthToThicknessRatio;',
    'uniform float u_widenessToThicknessRatio;',
    'varying vec4 v_color;',
    'const float bias = 255.0 / 254.0;',
    'void main() {',
    '  float minThickness = u_minEdgeThickness;',
    '  float normalLength = length(a_normal);',
    '  vec2 unitNormal = a_normal / normalLength;',
    '  vec2 shift = unitNormal * a_offset * u_correctionRatio / u_sizeRatio;',
    '  float pixelsThickness = max(normalLength / u_sizeRatio, minThickness);',
    '  float webGLThickness = pixelsThickness * u_correctionRatio;',
    '  float webGLNodeRadius = a_radius * 2.0 * u_correctionRatio / u_sizeRatio;',
    '  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;',
    '  float webGLArrowHeadThickness = webGLThickness * u_widenessToThicknessRatio;',
    '  float da = a_barycentric.x;',
    '  float db = a_barycentric.y;',
    '  float dc = a_barycentric.z;',
    '  vec2 delta = vec2(',
    '      da * (webGLNodeRadius * unitNormal.y)',
    '    + db * ((webGLNodeRadius + webGLArrowHeadLength) * unitNormal.y + webGLArrowHeadThickness * unitNormal.x)',
    '    + dc * ((webGLNodeRadius + webGLArrowHeadLength) * unitNormal.y - webGLArrowHeadThickness * unitNormal.x),',
    '      da * (-webGLNodeRadius * unitNormal.x)',
    '    + db * (-(webGLNodeRadius + webGLArrowHeadLength) * unitNormal.x + webGLArrowHeadThickness * unitNormal.y)',
    '    + dc * (-(webGLNodeRadius + webGLArrowHeadLength) * unitNormal.x - webGLArrowHeadThickness * unitNormal.y)',
    '  );',
    '  gl_Position = vec4((u_matrix * vec3(a_position + shift + delta, 1)).xy, 0, 1);',
    '  #ifdef PICKING_MODE',
    '  v_color = a_id;',
    '  #else',
    '  v_color = a_color;',
    '  #endif',
    '  v_color.a *= bias;',
    '}'
  ].join('\n');

  // withOffset makes a program of Base that draws with the vertex shader vertex, which
  // reads the edge's offset from one more attribute, and fragment, when given.
  function withOffset(Base, vertex, fragment, resolution) {
    return class extends Base {
      getDefinition() {
        var def = super.getDefinition();
        return Object.assign({}, def, {
          VERTEX_SHADER_SOURCE: vertex,
          FRAGMENT_SHADER_SOURCE: fragment || def.FRAGMENT_SHADER_SOURCE,
          UNIFORMS: resolution ? def.UNIFORMS.concat(['u_resolution']) : def.UNIFORMS,
          ATTRIBUTES: def.ATTRIBUTES.concat([{ name: 'a_offset', size: 1, type: GL.FLOAT }])
        });
      }
      processVisibleItem(edgeIndex, startIndex, sourceData, targetData, data) {
        super.processVisibleItem(edgeIndex, startIndex, sourceData, targetData, data);
        this.array[startIndex + this.ATTRIBUTES_ITEMS_COUNT - 1] = data.offset || 0;
      }
      setUniforms(params, info) {
        super.setUniforms(params, info);
        if (resolution) info.gl.uniform2f(info.uniformLocations.u_resolution, params.width, params.height);
      }
    };
  }

  var Clamped = rendering.createEdgeClampedProgram();
  var Head = rendering.createEdgeArrowHeadProgram();

  window.factgraphPrograms = {
    NodeShapeProgram: NodeShapeProgram,
    EdgeArrowProgram: rendering.createEdgeCompoundProgram([
      withOffset(Clamped, lineVertex(false)),
      withOffset(Head, HEAD_VERTEX)
    ]),
    EdgeDashedArrowProgram: rendering.createEdgeCompoundProgram([
      withOffset(Clamped, lineVertex(true), DASHED_FRAGMENT, true),
      withOffset(Head, HEAD_VERTEX)
    ]),
    SHAPES: SHAPES
  };
})();
