// @ts-nocheck: ajv writes untyped JavaScript; VALIDATORS at the end gives it its type.
// Generated from schemas/ by `npm run schemas` (src/codegen/validators.ts): do not edit by hand.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import equal from 'ajv/dist/runtime/equal.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import { FORMATS } from './formats.js';

export const accessProfile = validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/access-profile.schema.json","title":"oncall-access AccessProfile","description":"Binds entitlements (GitHub team memberships, repository permissions) to on-call rotations. One profile per YAML document.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"description":"Version of the oncall-access file format.","const":"oncall-access/v1"},"kind":{"description":"What this document declares.","const":"AccessProfile"},"metadata":{"description":"Name and description of the profile.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Unique name of the profile across all profile files (lowercase letters, digits, dashes).","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"description":{"description":"What the profile is for, for the people reading plans.","type":"string","maxLength":500}}},"spec":{"description":"What the profile grants, to whom, and when.","type":"object","additionalProperties":false,"required":["mode","entitlements"],"properties":{"mode":{"description":"auto: granted while on call; requestable: only granted through an approved AccessRequest by whoever is on call.","enum":["auto","requestable"]},"approval":{"description":"Requestable profiles: auto (an eligible request may be merged by the workflow without review) or review (a review from one of the approvers is required; the default).","enum":["auto","review"]},"approvers":{"description":"Requestable profiles: GitHub logins who approve requests and may open a request for someone else.","type":"array","maxItems":100,"items":{"description":"A GitHub login.","type":"string","format":"oncall-access-login","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"}},"maxRequestDuration":{"description":"Requestable profiles: the longest duration one request may ask for (e.g. 4h).","type":"string","format":"oncall-access-duration","pattern":"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},"rotations":{"description":"The on-call rotations whose current on-call people are entitled.","type":"array","maxItems":100,"items":{"description":"One binding to a source: exactly one of a schedule, an escalation policy (optionally some levels) or a built-in rotation.","type":"object","additionalProperties":false,"required":["source"],"oneOf":[{"required":["schedule"]},{"required":["escalationPolicy"]},{"required":["rotation"]}],"dependentRequired":{"levels":["escalationPolicy"]},"properties":{"source":{"description":"Name of a source declared in the Config's spec.sources.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"schedule":{"description":"PagerDuty schedule ID (its final schedule, layers and overrides included) or Opsgenie schedule ID or name.","type":"string","format":"oncall-access-external-id","pattern":"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$"},"escalationPolicy":{"description":"PagerDuty escalation policy ID.","type":"string","format":"oncall-access-external-id","pattern":"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$"},"levels":{"description":"Escalation levels of the escalationPolicy to include (1 = first responders); all levels when absent. Only with escalationPolicy.","type":"array","minItems":1,"maxItems":20,"items":{"description":"An escalation level, from 1.","type":"integer","minimum":1,"maximum":20}},"rotation":{"description":"Name of a built-in rotation (kind: Rotation) for a source of type rotations.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"}}}},"window":{"description":"Widens each shift: access starts `before` the shift and ends `after` it.","type":"object","additionalProperties":false,"properties":{"before":{"description":"How long before a shift starts access is granted (e.g. 15m).","type":"string","format":"oncall-access-duration","pattern":"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},"after":{"description":"How long after a shift ends access is kept (e.g. 30m).","type":"string","format":"oncall-access-duration","pattern":"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"}}},"allowEmptyRotations":{"description":"Allow a bound rotation to fall empty: without this, revocations fed by a rotation that had people on call at the last apply and has nobody now are refused.","type":"boolean"},"incidentHold":{"description":"Incident hold (auto profiles; PagerDuty rotations): a person whose shift and window ended keeps the entitlements they hold while they are assigned to, or acknowledged, an open (triggered or acknowledged) PagerDuty incident routed through an escalation policy the profile binds, or one that pages a schedule it binds, until the incident is resolved or `max` after their window ended, whichever comes first. A hold never grants anyone who does not hold the entitlement.","type":"object","additionalProperties":false,"required":["max"],"properties":{"max":{"description":"The longest a hold lasts after the person's window ended (e.g. 4h); at most 1d.","type":"string","format":"oncall-access-duration","pattern":"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"}}},"members":{"description":"Emails of people always entitled, whoever is on call.","type":"array","maxItems":1000,"items":{"description":"A person's email.","type":"string","format":"email","pattern":"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"}},"entitlements":{"description":"What the entitled people get.","type":"array","minItems":1,"maxItems":100,"items":{"description":"One grantable thing: a team membership with a role, or a repository permission (exactly one of team and repository). Or a Slack user group (usergroup: its handle or id). On an Okta target: a group membership (group).","type":"object","additionalProperties":false,"required":["target"],"oneOf":[{"required":["team"]},{"required":["repository"]},{"required":["usergroup"]},{"required":["group"]}],"properties":{"target":{"description":"Name of a target declared in the Config's spec.targets.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"team":{"description":"GitHub team slug in the target's organisation.","type":"string","format":"oncall-access-slug","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},"role":{"description":"Team role to grant (teams only).","enum":["member","maintainer"]},"repository":{"description":"GitHub repository name in the target's organisation.","type":"string","format":"oncall-access-slug","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},"permission":{"description":"Repository permission to grant (repositories only).","enum":["pull","triage","push","maintain","admin"]},"membership":{"description":"exclusive (teams' default): members no profile wants are removed. additive: only what this tool granted is removed.","enum":["exclusive","additive"]},"adopt":{"description":"Exclusive teams this tool has never applied to: keep-drift (the default) keeps current members no profile wants and lists them in the plan; remove-drift removes them on the first apply.","enum":["keep-drift","remove-drift"]},"usergroup":{"description":"Slack user group: its mention handle (payments-oncall) or its id (S0614TZR7).","type":"string","format":"oncall-access-slack-usergroup","pattern":"^(?:@?[a-z0-9][a-z0-9._-]{0,79}|S[A-Z0-9]{8,19})$"},"group":{"description":"Okta group, by name (as Okta shows it) or id (00g...). Only groups of type OKTA_GROUP can be managed: an app's or directory's group (APP_GROUP) gets its members from its source.","type":"string","pattern":"^[^\\x00-\\x1f\\x7f]{1,255}$"}}}}}}}};
const formats0 = FORMATS["oncall-access-name"];
const formats2 = FORMATS["oncall-access-login"];
const formats4 = FORMATS["oncall-access-duration"];
const formats8 = FORMATS["oncall-access-external-id"];
const formats20 = FORMATS.email;
const formats24 = FORMATS["oncall-access-slug"];
const formats28 = FORMATS["oncall-access-slack-usergroup"];
const pattern4 = new RegExp("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", "u");
const pattern5 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", "u");
const pattern6 = new RegExp("^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$", "u");
const pattern8 = new RegExp("^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$", "u");
const pattern14 = new RegExp("^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", "u");
const pattern16 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
const pattern18 = new RegExp("^(?:@?[a-z0-9][a-z0-9._-]{0,79}|S[A-Z0-9]{8,19})$", "u");
const pattern19 = new RegExp("^[^\\x00-\\x1f\\x7f]{1,255}$", "u");
const func1 = ucs2length.default;
const func2 = Object.prototype.hasOwnProperty;

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/access-profile.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("oncall-access/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "oncall-access/v1"},message:"must be equal to constant",schema:"oncall-access/v1",parentSchema:schema31.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("AccessProfile" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "AccessProfile"},message:"must be equal to constant",schema:"AccessProfile",parentSchema:schema31.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.properties.metadata.required,parentSchema:schema31.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data2){
if(!((key1 === "name") || (key1 === "description"))){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema31.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(formats0.validate(data3))){
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema31.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.metadata.properties.name.type,parentSchema:schema31.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.description !== undefined){
let data4 = data2.description;
if(typeof data4 === "string"){
if(func1(data4) > 500){
const err12 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema31.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.metadata.properties.description.type,parentSchema:schema31.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.metadata.type,parentSchema:schema31.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.spec !== undefined){
let data5 = data.spec;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.mode === undefined){
const err15 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data5.entitlements === undefined){
const err16 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "entitlements"},message:"must have required property '"+"entitlements"+"'",schema:schema31.properties.spec.required,parentSchema:schema31.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key2 in data5){
if(!(func2.call(schema31.properties.spec.properties, key2))){
const err17 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data5.mode !== undefined){
let data6 = data5.mode;
if(!((data6 === "auto") || (data6 === "requestable"))){
const err18 = {instancePath:instancePath+"/spec/mode",schemaPath:"#/properties/spec/properties/mode/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.mode.enum,parentSchema:schema31.properties.spec.properties.mode,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data5.approval !== undefined){
let data7 = data5.approval;
if(!((data7 === "auto") || (data7 === "review"))){
const err19 = {instancePath:instancePath+"/spec/approval",schemaPath:"#/properties/spec/properties/approval/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.approval.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.approval.enum,parentSchema:schema31.properties.spec.properties.approval,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data5.approvers !== undefined){
let data8 = data5.approvers;
if(Array.isArray(data8)){
if(data8.length > 100){
const err20 = {instancePath:instancePath+"/spec/approvers",schemaPath:"#/properties/spec/properties/approvers/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema31.properties.spec.properties.approvers,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 === "string"){
if(!pattern5.test(data9)){
const err21 = {instancePath:instancePath+"/spec/approvers/" + i0,schemaPath:"#/properties/spec/properties/approvers/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema31.properties.spec.properties.approvers.items,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(!(formats2.validate(data9))){
const err22 = {instancePath:instancePath+"/spec/approvers/" + i0,schemaPath:"#/properties/spec/properties/approvers/items/format",keyword:"format",params:{format: "oncall-access-login"},message:"must match format \""+"oncall-access-login"+"\"",schema:"oncall-access-login",parentSchema:schema31.properties.spec.properties.approvers.items,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/spec/approvers/" + i0,schemaPath:"#/properties/spec/properties/approvers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.approvers.items.type,parentSchema:schema31.properties.spec.properties.approvers.items,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/spec/approvers",schemaPath:"#/properties/spec/properties/approvers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.approvers.type,parentSchema:schema31.properties.spec.properties.approvers,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data5.maxRequestDuration !== undefined){
let data10 = data5.maxRequestDuration;
if(typeof data10 === "string"){
if(!pattern6.test(data10)){
const err25 = {instancePath:instancePath+"/spec/maxRequestDuration",schemaPath:"#/properties/spec/properties/maxRequestDuration/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"+"\"",schema:"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$",parentSchema:schema31.properties.spec.properties.maxRequestDuration,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(!(formats4.validate(data10))){
const err26 = {instancePath:instancePath+"/spec/maxRequestDuration",schemaPath:"#/properties/spec/properties/maxRequestDuration/format",keyword:"format",params:{format: "oncall-access-duration"},message:"must match format \""+"oncall-access-duration"+"\"",schema:"oncall-access-duration",parentSchema:schema31.properties.spec.properties.maxRequestDuration,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/spec/maxRequestDuration",schemaPath:"#/properties/spec/properties/maxRequestDuration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.maxRequestDuration.type,parentSchema:schema31.properties.spec.properties.maxRequestDuration,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data5.rotations !== undefined){
let data11 = data5.rotations;
if(Array.isArray(data11)){
if(data11.length > 100){
const err28 = {instancePath:instancePath+"/spec/rotations",schemaPath:"#/properties/spec/properties/rotations/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema31.properties.spec.properties.rotations,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
const _errs26 = errors;
let valid7 = false;
let passing0 = null;
const _errs27 = errors;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.schedule === undefined){
const err29 = {instancePath:instancePath+"/spec/rotations/" + i1,schemaPath:"#/properties/spec/properties/rotations/items/oneOf/0/required",keyword:"required",params:{missingProperty: "schedule"},message:"must have required property '"+"schedule"+"'",schema:schema31.properties.spec.properties.rotations.items.oneOf[0].required,parentSchema:schema31.properties.spec.properties.rotations.items.oneOf[0],data:data12};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
var _valid0 = _errs27 === errors;
if(_valid0){
valid7 = true;
passing0 = 0;
}
const _errs28 = errors;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.escalationPolicy === undefined){
const err30 = {instancePath:instancePath+"/spec/rotations/" + i1,schemaPath:"#/properties/spec/properties/rotations/items/oneOf/1/required",keyword:"required",params:{missingProperty: "escalationPolicy"},message:"must have required property '"+"escalationPolicy"+"'",schema:schema31.properties.spec.properties.rotations.items.oneOf[1].required,parentSchema:schema31.properties.spec.properties.rotations.items.oneOf[1],data:data12};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
var _valid0 = _errs28 === errors;
if(_valid0 && valid7){
valid7 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid7 = true;
passing0 = 1;
}
const _errs29 = errors;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.rotation === undefined){
const err31 = {instancePath:instancePath+"/spec/rotations/" + i1,schemaPath:"#/properties/spec/properties/rotations/items/oneOf/2/required",keyword:"required",params:{missingProperty: "rotation"},message:"must have required property '"+"rotation"+"'",schema:schema31.properties.spec.properties.rotations.items.oneOf[2].required,parentSchema:schema31.properties.spec.properties.rotations.items.oneOf[2],data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
var _valid0 = _errs29 === errors;
if(_valid0 && valid7){
valid7 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid7 = true;
passing0 = 2;
}
}
}
if(!valid7){
const err32 = {instancePath:instancePath+"/spec/rotations/" + i1,schemaPath:"#/properties/spec/properties/rotations/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema31.properties.spec.properties.rotations.items.oneOf,parentSchema:schema31.properties.spec.properties.rotations.items,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
else {
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
}
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.source === undefined){
const err33 = {instancePath:instancePath+"/spec/rotations/" + i1,schemaPath:"#/properties/spec/properties/rotations/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema31.properties.spec.properties.rotations.items.required,parentSchema:schema31.properties.spec.properties.rotations.items,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
for(const key3 in data12){
if(!(((((key3 === "source") || (key3 === "schedule")) || (key3 === "escalationPolicy")) || (key3 === "levels")) || (key3 === "rotation"))){
const err34 = {instancePath:instancePath+"/spec/rotations/" + i1,schemaPath:"#/properties/spec/properties/rotations/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.rotations.items,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data12.source !== undefined){
let data13 = data12.source;
if(typeof data13 === "string"){
if(!pattern4.test(data13)){
const err35 = {instancePath:instancePath+"/spec/rotations/" + i1+"/source",schemaPath:"#/properties/spec/properties/rotations/items/properties/source/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema31.properties.spec.properties.rotations.items.properties.source,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(!(formats0.validate(data13))){
const err36 = {instancePath:instancePath+"/spec/rotations/" + i1+"/source",schemaPath:"#/properties/spec/properties/rotations/items/properties/source/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema31.properties.spec.properties.rotations.items.properties.source,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/spec/rotations/" + i1+"/source",schemaPath:"#/properties/spec/properties/rotations/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.rotations.items.properties.source.type,parentSchema:schema31.properties.spec.properties.rotations.items.properties.source,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data12.schedule !== undefined){
let data14 = data12.schedule;
if(typeof data14 === "string"){
if(!pattern8.test(data14)){
const err38 = {instancePath:instancePath+"/spec/rotations/" + i1+"/schedule",schemaPath:"#/properties/spec/properties/rotations/items/properties/schedule/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$",parentSchema:schema31.properties.spec.properties.rotations.items.properties.schedule,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(!(formats8.validate(data14))){
const err39 = {instancePath:instancePath+"/spec/rotations/" + i1+"/schedule",schemaPath:"#/properties/spec/properties/rotations/items/properties/schedule/format",keyword:"format",params:{format: "oncall-access-external-id"},message:"must match format \""+"oncall-access-external-id"+"\"",schema:"oncall-access-external-id",parentSchema:schema31.properties.spec.properties.rotations.items.properties.schedule,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/spec/rotations/" + i1+"/schedule",schemaPath:"#/properties/spec/properties/rotations/items/properties/schedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.rotations.items.properties.schedule.type,parentSchema:schema31.properties.spec.properties.rotations.items.properties.schedule,data:data14};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data12.escalationPolicy !== undefined){
let data15 = data12.escalationPolicy;
if(typeof data15 === "string"){
if(!pattern8.test(data15)){
const err41 = {instancePath:instancePath+"/spec/rotations/" + i1+"/escalationPolicy",schemaPath:"#/properties/spec/properties/rotations/items/properties/escalationPolicy/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$",parentSchema:schema31.properties.spec.properties.rotations.items.properties.escalationPolicy,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(!(formats8.validate(data15))){
const err42 = {instancePath:instancePath+"/spec/rotations/" + i1+"/escalationPolicy",schemaPath:"#/properties/spec/properties/rotations/items/properties/escalationPolicy/format",keyword:"format",params:{format: "oncall-access-external-id"},message:"must match format \""+"oncall-access-external-id"+"\"",schema:"oncall-access-external-id",parentSchema:schema31.properties.spec.properties.rotations.items.properties.escalationPolicy,data:data15};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/spec/rotations/" + i1+"/escalationPolicy",schemaPath:"#/properties/spec/properties/rotations/items/properties/escalationPolicy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.rotations.items.properties.escalationPolicy.type,parentSchema:schema31.properties.spec.properties.rotations.items.properties.escalationPolicy,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data12.levels !== undefined){
let data16 = data12.levels;
if(Array.isArray(data16)){
if(data16.length > 20){
const err44 = {instancePath:instancePath+"/spec/rotations/" + i1+"/levels",schemaPath:"#/properties/spec/properties/rotations/items/properties/levels/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema31.properties.spec.properties.rotations.items.properties.levels,data:data16};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(data16.length < 1){
const err45 = {instancePath:instancePath+"/spec/rotations/" + i1+"/levels",schemaPath:"#/properties/spec/properties/rotations/items/properties/levels/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.spec.properties.rotations.items.properties.levels,data:data16};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
const len2 = data16.length;
for(let i2=0; i2<len2; i2++){
let data17 = data16[i2];
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err46 = {instancePath:instancePath+"/spec/rotations/" + i1+"/levels/" + i2,schemaPath:"#/properties/spec/properties/rotations/items/properties/levels/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.spec.properties.rotations.items.properties.levels.items.type,parentSchema:schema31.properties.spec.properties.rotations.items.properties.levels.items,data:data17};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 > 20 || isNaN(data17)){
const err47 = {instancePath:instancePath+"/spec/rotations/" + i1+"/levels/" + i2,schemaPath:"#/properties/spec/properties/rotations/items/properties/levels/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 20},message:"must be <= 20",schema:20,parentSchema:schema31.properties.spec.properties.rotations.items.properties.levels.items,data:data17};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(data17 < 1 || isNaN(data17)){
const err48 = {instancePath:instancePath+"/spec/rotations/" + i1+"/levels/" + i2,schemaPath:"#/properties/spec/properties/rotations/items/properties/levels/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema31.properties.spec.properties.rotations.items.properties.levels.items,data:data17};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
}
else {
const err49 = {instancePath:instancePath+"/spec/rotations/" + i1+"/levels",schemaPath:"#/properties/spec/properties/rotations/items/properties/levels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.rotations.items.properties.levels.type,parentSchema:schema31.properties.spec.properties.rotations.items.properties.levels,data:data16};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data12.rotation !== undefined){
let data18 = data12.rotation;
if(typeof data18 === "string"){
if(!pattern4.test(data18)){
const err50 = {instancePath:instancePath+"/spec/rotations/" + i1+"/rotation",schemaPath:"#/properties/spec/properties/rotations/items/properties/rotation/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema31.properties.spec.properties.rotations.items.properties.rotation,data:data18};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(!(formats0.validate(data18))){
const err51 = {instancePath:instancePath+"/spec/rotations/" + i1+"/rotation",schemaPath:"#/properties/spec/properties/rotations/items/properties/rotation/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema31.properties.spec.properties.rotations.items.properties.rotation,data:data18};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
else {
const err52 = {instancePath:instancePath+"/spec/rotations/" + i1+"/rotation",schemaPath:"#/properties/spec/properties/rotations/items/properties/rotation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.rotations.items.properties.rotation.type,parentSchema:schema31.properties.spec.properties.rotations.items.properties.rotation,data:data18};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data12.levels !== undefined){
if(data12.escalationPolicy === undefined){
const err53 = {instancePath:instancePath+"/spec/rotations/" + i1,schemaPath:"#/properties/spec/properties/rotations/items/dependentRequired",keyword:"dependentRequired",params:{property: "levels",
    missingProperty: "escalationPolicy",
    depsCount: 1,
    deps: "escalationPolicy"},message:"must have property escalationPolicy when property levels is present",schema:schema31.properties.spec.properties.rotations.items.dependentRequired,parentSchema:schema31.properties.spec.properties.rotations.items,data:data12};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/spec/rotations/" + i1,schemaPath:"#/properties/spec/properties/rotations/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.rotations.items.type,parentSchema:schema31.properties.spec.properties.rotations.items,data:data12};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/spec/rotations",schemaPath:"#/properties/spec/properties/rotations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.rotations.type,parentSchema:schema31.properties.spec.properties.rotations,data:data11};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data5.window !== undefined){
let data19 = data5.window;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key4 in data19){
if(!((key4 === "before") || (key4 === "after"))){
const err56 = {instancePath:instancePath+"/spec/window",schemaPath:"#/properties/spec/properties/window/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.window,data:data19};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data19.before !== undefined){
let data20 = data19.before;
if(typeof data20 === "string"){
if(!pattern6.test(data20)){
const err57 = {instancePath:instancePath+"/spec/window/before",schemaPath:"#/properties/spec/properties/window/properties/before/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"+"\"",schema:"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$",parentSchema:schema31.properties.spec.properties.window.properties.before,data:data20};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(!(formats4.validate(data20))){
const err58 = {instancePath:instancePath+"/spec/window/before",schemaPath:"#/properties/spec/properties/window/properties/before/format",keyword:"format",params:{format: "oncall-access-duration"},message:"must match format \""+"oncall-access-duration"+"\"",schema:"oncall-access-duration",parentSchema:schema31.properties.spec.properties.window.properties.before,data:data20};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/spec/window/before",schemaPath:"#/properties/spec/properties/window/properties/before/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.window.properties.before.type,parentSchema:schema31.properties.spec.properties.window.properties.before,data:data20};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data19.after !== undefined){
let data21 = data19.after;
if(typeof data21 === "string"){
if(!pattern6.test(data21)){
const err60 = {instancePath:instancePath+"/spec/window/after",schemaPath:"#/properties/spec/properties/window/properties/after/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"+"\"",schema:"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$",parentSchema:schema31.properties.spec.properties.window.properties.after,data:data21};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(!(formats4.validate(data21))){
const err61 = {instancePath:instancePath+"/spec/window/after",schemaPath:"#/properties/spec/properties/window/properties/after/format",keyword:"format",params:{format: "oncall-access-duration"},message:"must match format \""+"oncall-access-duration"+"\"",schema:"oncall-access-duration",parentSchema:schema31.properties.spec.properties.window.properties.after,data:data21};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
else {
const err62 = {instancePath:instancePath+"/spec/window/after",schemaPath:"#/properties/spec/properties/window/properties/after/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.window.properties.after.type,parentSchema:schema31.properties.spec.properties.window.properties.after,data:data21};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/spec/window",schemaPath:"#/properties/spec/properties/window/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.window.type,parentSchema:schema31.properties.spec.properties.window,data:data19};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data5.allowEmptyRotations !== undefined){
let data22 = data5.allowEmptyRotations;
if(typeof data22 !== "boolean"){
const err64 = {instancePath:instancePath+"/spec/allowEmptyRotations",schemaPath:"#/properties/spec/properties/allowEmptyRotations/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema31.properties.spec.properties.allowEmptyRotations.type,parentSchema:schema31.properties.spec.properties.allowEmptyRotations,data:data22};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data5.incidentHold !== undefined){
let data23 = data5.incidentHold;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.max === undefined){
const err65 = {instancePath:instancePath+"/spec/incidentHold",schemaPath:"#/properties/spec/properties/incidentHold/required",keyword:"required",params:{missingProperty: "max"},message:"must have required property '"+"max"+"'",schema:schema31.properties.spec.properties.incidentHold.required,parentSchema:schema31.properties.spec.properties.incidentHold,data:data23};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
for(const key5 in data23){
if(!(key5 === "max")){
const err66 = {instancePath:instancePath+"/spec/incidentHold",schemaPath:"#/properties/spec/properties/incidentHold/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.incidentHold,data:data23};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data23.max !== undefined){
let data24 = data23.max;
if(typeof data24 === "string"){
if(!pattern6.test(data24)){
const err67 = {instancePath:instancePath+"/spec/incidentHold/max",schemaPath:"#/properties/spec/properties/incidentHold/properties/max/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"+"\"",schema:"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$",parentSchema:schema31.properties.spec.properties.incidentHold.properties.max,data:data24};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(!(formats4.validate(data24))){
const err68 = {instancePath:instancePath+"/spec/incidentHold/max",schemaPath:"#/properties/spec/properties/incidentHold/properties/max/format",keyword:"format",params:{format: "oncall-access-duration"},message:"must match format \""+"oncall-access-duration"+"\"",schema:"oncall-access-duration",parentSchema:schema31.properties.spec.properties.incidentHold.properties.max,data:data24};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
else {
const err69 = {instancePath:instancePath+"/spec/incidentHold/max",schemaPath:"#/properties/spec/properties/incidentHold/properties/max/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.incidentHold.properties.max.type,parentSchema:schema31.properties.spec.properties.incidentHold.properties.max,data:data24};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
else {
const err70 = {instancePath:instancePath+"/spec/incidentHold",schemaPath:"#/properties/spec/properties/incidentHold/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.incidentHold.type,parentSchema:schema31.properties.spec.properties.incidentHold,data:data23};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data5.members !== undefined){
let data25 = data5.members;
if(Array.isArray(data25)){
if(data25.length > 1000){
const err71 = {instancePath:instancePath+"/spec/members",schemaPath:"#/properties/spec/properties/members/maxItems",keyword:"maxItems",params:{limit: 1000},message:"must NOT have more than 1000 items",schema:1000,parentSchema:schema31.properties.spec.properties.members,data:data25};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
const len3 = data25.length;
for(let i3=0; i3<len3; i3++){
let data26 = data25[i3];
if(typeof data26 === "string"){
if(!pattern14.test(data26)){
const err72 = {instancePath:instancePath+"/spec/members/" + i3,schemaPath:"#/properties/spec/properties/members/items/pattern",keyword:"pattern",params:{pattern: "^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"},message:"must match pattern \""+"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"+"\"",schema:"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$",parentSchema:schema31.properties.spec.properties.members.items,data:data26};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(!(formats20.validate(data26))){
const err73 = {instancePath:instancePath+"/spec/members/" + i3,schemaPath:"#/properties/spec/properties/members/items/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\"",schema:"email",parentSchema:schema31.properties.spec.properties.members.items,data:data26};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
else {
const err74 = {instancePath:instancePath+"/spec/members/" + i3,schemaPath:"#/properties/spec/properties/members/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.members.items.type,parentSchema:schema31.properties.spec.properties.members.items,data:data26};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath:instancePath+"/spec/members",schemaPath:"#/properties/spec/properties/members/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.members.type,parentSchema:schema31.properties.spec.properties.members,data:data25};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data5.entitlements !== undefined){
let data27 = data5.entitlements;
if(Array.isArray(data27)){
if(data27.length > 100){
const err76 = {instancePath:instancePath+"/spec/entitlements",schemaPath:"#/properties/spec/properties/entitlements/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema31.properties.spec.properties.entitlements,data:data27};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
if(data27.length < 1){
const err77 = {instancePath:instancePath+"/spec/entitlements",schemaPath:"#/properties/spec/properties/entitlements/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.spec.properties.entitlements,data:data27};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
const len4 = data27.length;
for(let i4=0; i4<len4; i4++){
let data28 = data27[i4];
const _errs65 = errors;
let valid17 = false;
let passing1 = null;
const _errs66 = errors;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.team === undefined){
const err78 = {instancePath:instancePath+"/spec/entitlements/" + i4,schemaPath:"#/properties/spec/properties/entitlements/items/oneOf/0/required",keyword:"required",params:{missingProperty: "team"},message:"must have required property '"+"team"+"'",schema:schema31.properties.spec.properties.entitlements.items.oneOf[0].required,parentSchema:schema31.properties.spec.properties.entitlements.items.oneOf[0],data:data28};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
var _valid1 = _errs66 === errors;
if(_valid1){
valid17 = true;
passing1 = 0;
}
const _errs67 = errors;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.repository === undefined){
const err79 = {instancePath:instancePath+"/spec/entitlements/" + i4,schemaPath:"#/properties/spec/properties/entitlements/items/oneOf/1/required",keyword:"required",params:{missingProperty: "repository"},message:"must have required property '"+"repository"+"'",schema:schema31.properties.spec.properties.entitlements.items.oneOf[1].required,parentSchema:schema31.properties.spec.properties.entitlements.items.oneOf[1],data:data28};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
var _valid1 = _errs67 === errors;
if(_valid1 && valid17){
valid17 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid17 = true;
passing1 = 1;
}
const _errs68 = errors;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.usergroup === undefined){
const err80 = {instancePath:instancePath+"/spec/entitlements/" + i4,schemaPath:"#/properties/spec/properties/entitlements/items/oneOf/2/required",keyword:"required",params:{missingProperty: "usergroup"},message:"must have required property '"+"usergroup"+"'",schema:schema31.properties.spec.properties.entitlements.items.oneOf[2].required,parentSchema:schema31.properties.spec.properties.entitlements.items.oneOf[2],data:data28};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
var _valid1 = _errs68 === errors;
if(_valid1 && valid17){
valid17 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid17 = true;
passing1 = 2;
}
const _errs69 = errors;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.group === undefined){
const err81 = {instancePath:instancePath+"/spec/entitlements/" + i4,schemaPath:"#/properties/spec/properties/entitlements/items/oneOf/3/required",keyword:"required",params:{missingProperty: "group"},message:"must have required property '"+"group"+"'",schema:schema31.properties.spec.properties.entitlements.items.oneOf[3].required,parentSchema:schema31.properties.spec.properties.entitlements.items.oneOf[3],data:data28};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
var _valid1 = _errs69 === errors;
if(_valid1 && valid17){
valid17 = false;
passing1 = [passing1, 3];
}
else {
if(_valid1){
valid17 = true;
passing1 = 3;
}
}
}
}
if(!valid17){
const err82 = {instancePath:instancePath+"/spec/entitlements/" + i4,schemaPath:"#/properties/spec/properties/entitlements/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:schema31.properties.spec.properties.entitlements.items.oneOf,parentSchema:schema31.properties.spec.properties.entitlements.items,data:data28};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
else {
errors = _errs65;
if(vErrors !== null){
if(_errs65){
vErrors.length = _errs65;
}
else {
vErrors = null;
}
}
}
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.target === undefined){
const err83 = {instancePath:instancePath+"/spec/entitlements/" + i4,schemaPath:"#/properties/spec/properties/entitlements/items/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema31.properties.spec.properties.entitlements.items.required,parentSchema:schema31.properties.spec.properties.entitlements.items,data:data28};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
for(const key6 in data28){
if(!(func2.call(schema31.properties.spec.properties.entitlements.items.properties, key6))){
const err84 = {instancePath:instancePath+"/spec/entitlements/" + i4,schemaPath:"#/properties/spec/properties/entitlements/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.spec.properties.entitlements.items,data:data28};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data28.target !== undefined){
let data29 = data28.target;
if(typeof data29 === "string"){
if(!pattern4.test(data29)){
const err85 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/target",schemaPath:"#/properties/spec/properties/entitlements/items/properties/target/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.target,data:data29};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(!(formats0.validate(data29))){
const err86 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/target",schemaPath:"#/properties/spec/properties/entitlements/items/properties/target/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.target,data:data29};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
else {
const err87 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/target",schemaPath:"#/properties/spec/properties/entitlements/items/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.entitlements.items.properties.target.type,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.target,data:data29};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data28.team !== undefined){
let data30 = data28.team;
if(typeof data30 === "string"){
if(!pattern16.test(data30)){
const err88 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/team",schemaPath:"#/properties/spec/properties/entitlements/items/properties/team/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.team,data:data30};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
if(!(formats24.validate(data30))){
const err89 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/team",schemaPath:"#/properties/spec/properties/entitlements/items/properties/team/format",keyword:"format",params:{format: "oncall-access-slug"},message:"must match format \""+"oncall-access-slug"+"\"",schema:"oncall-access-slug",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.team,data:data30};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
else {
const err90 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/team",schemaPath:"#/properties/spec/properties/entitlements/items/properties/team/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.entitlements.items.properties.team.type,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.team,data:data30};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data28.role !== undefined){
let data31 = data28.role;
if(!((data31 === "member") || (data31 === "maintainer"))){
const err91 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/role",schemaPath:"#/properties/spec/properties/entitlements/items/properties/role/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.entitlements.items.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.entitlements.items.properties.role.enum,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.role,data:data31};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data28.repository !== undefined){
let data32 = data28.repository;
if(typeof data32 === "string"){
if(!pattern16.test(data32)){
const err92 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/repository",schemaPath:"#/properties/spec/properties/entitlements/items/properties/repository/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.repository,data:data32};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if(!(formats24.validate(data32))){
const err93 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/repository",schemaPath:"#/properties/spec/properties/entitlements/items/properties/repository/format",keyword:"format",params:{format: "oncall-access-slug"},message:"must match format \""+"oncall-access-slug"+"\"",schema:"oncall-access-slug",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.repository,data:data32};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
else {
const err94 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/repository",schemaPath:"#/properties/spec/properties/entitlements/items/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.entitlements.items.properties.repository.type,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.repository,data:data32};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data28.permission !== undefined){
let data33 = data28.permission;
if(!(((((data33 === "pull") || (data33 === "triage")) || (data33 === "push")) || (data33 === "maintain")) || (data33 === "admin"))){
const err95 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/permission",schemaPath:"#/properties/spec/properties/entitlements/items/properties/permission/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.entitlements.items.properties.permission.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.entitlements.items.properties.permission.enum,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.permission,data:data33};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data28.membership !== undefined){
let data34 = data28.membership;
if(!((data34 === "exclusive") || (data34 === "additive"))){
const err96 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/membership",schemaPath:"#/properties/spec/properties/entitlements/items/properties/membership/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.entitlements.items.properties.membership.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.entitlements.items.properties.membership.enum,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.membership,data:data34};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data28.adopt !== undefined){
let data35 = data28.adopt;
if(!((data35 === "keep-drift") || (data35 === "remove-drift"))){
const err97 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/adopt",schemaPath:"#/properties/spec/properties/entitlements/items/properties/adopt/enum",keyword:"enum",params:{allowedValues: schema31.properties.spec.properties.entitlements.items.properties.adopt.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.spec.properties.entitlements.items.properties.adopt.enum,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.adopt,data:data35};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
if(data28.usergroup !== undefined){
let data36 = data28.usergroup;
if(typeof data36 === "string"){
if(!pattern18.test(data36)){
const err98 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/usergroup",schemaPath:"#/properties/spec/properties/entitlements/items/properties/usergroup/pattern",keyword:"pattern",params:{pattern: "^(?:@?[a-z0-9][a-z0-9._-]{0,79}|S[A-Z0-9]{8,19})$"},message:"must match pattern \""+"^(?:@?[a-z0-9][a-z0-9._-]{0,79}|S[A-Z0-9]{8,19})$"+"\"",schema:"^(?:@?[a-z0-9][a-z0-9._-]{0,79}|S[A-Z0-9]{8,19})$",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.usergroup,data:data36};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
if(!(formats28.validate(data36))){
const err99 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/usergroup",schemaPath:"#/properties/spec/properties/entitlements/items/properties/usergroup/format",keyword:"format",params:{format: "oncall-access-slack-usergroup"},message:"must match format \""+"oncall-access-slack-usergroup"+"\"",schema:"oncall-access-slack-usergroup",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.usergroup,data:data36};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
else {
const err100 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/usergroup",schemaPath:"#/properties/spec/properties/entitlements/items/properties/usergroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.entitlements.items.properties.usergroup.type,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.usergroup,data:data36};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data28.group !== undefined){
let data37 = data28.group;
if(typeof data37 === "string"){
if(!pattern19.test(data37)){
const err101 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/group",schemaPath:"#/properties/spec/properties/entitlements/items/properties/group/pattern",keyword:"pattern",params:{pattern: "^[^\\x00-\\x1f\\x7f]{1,255}$"},message:"must match pattern \""+"^[^\\x00-\\x1f\\x7f]{1,255}$"+"\"",schema:"^[^\\x00-\\x1f\\x7f]{1,255}$",parentSchema:schema31.properties.spec.properties.entitlements.items.properties.group,data:data37};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
else {
const err102 = {instancePath:instancePath+"/spec/entitlements/" + i4+"/group",schemaPath:"#/properties/spec/properties/entitlements/items/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.spec.properties.entitlements.items.properties.group.type,parentSchema:schema31.properties.spec.properties.entitlements.items.properties.group,data:data37};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
}
else {
const err103 = {instancePath:instancePath+"/spec/entitlements/" + i4,schemaPath:"#/properties/spec/properties/entitlements/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.properties.entitlements.items.type,parentSchema:schema31.properties.spec.properties.entitlements.items,data:data28};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/spec/entitlements",schemaPath:"#/properties/spec/properties/entitlements/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.spec.properties.entitlements.type,parentSchema:schema31.properties.spec.properties.entitlements,data:data27};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
}
else {
const err105 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.spec.type,parentSchema:schema31.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
}
else {
const err106 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const accessRequest = validate21;
const schema32 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/access-request.schema.json","title":"oncall-access AccessRequest","description":"A time-boxed request for a requestable profile's entitlements, made through a pull request.","type":"object","additionalProperties":false,"required":["apiVersion","kind","spec"],"properties":{"apiVersion":{"description":"Version of the oncall-access file format.","const":"oncall-access/v1"},"kind":{"description":"What this document declares.","const":"AccessRequest"},"metadata":{"description":"Optional name.","type":"object","additionalProperties":false,"properties":{"name":{"description":"A name for this request.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"}}},"spec":{"description":"What is asked for, by whom, for how long and why.","type":"object","additionalProperties":false,"required":["profile","subject","reason","duration","requestedAt"],"properties":{"profile":{"description":"Name of a requestable AccessProfile.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"subject":{"description":"Email or GitHub login of the person who gets access.","type":"string","format":"oncall-access-subject","pattern":"^(?:(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+|[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$"},"reason":{"description":"Why access is needed (an incident link, a ticket).","type":"string","minLength":1,"maxLength":1000},"duration":{"description":"How long access is needed (e.g. 2h); at most the profile's maxRequestDuration.","type":"string","format":"oncall-access-duration","pattern":"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},"requestedAt":{"description":"The instant the request was made (ISO 8601 with Z or an offset); access starts then and ends duration later. Written by `oncall-access request`.","type":"string","format":"oncall-access-instant","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"}}}}};
const formats34 = FORMATS["oncall-access-subject"];
const formats38 = FORMATS["oncall-access-instant"];
const pattern22 = new RegExp("^(?:(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+|[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$", "u");
const pattern24 = new RegExp("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$", "u");

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/access-request.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.spec === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("oncall-access/v1" !== data0){
const err4 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "oncall-access/v1"},message:"must be equal to constant",schema:"oncall-access/v1",parentSchema:schema32.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("AccessRequest" !== data1){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "AccessRequest"},message:"must be equal to constant",schema:"AccessRequest",parentSchema:schema32.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!(key1 === "name")){
const err6 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err7 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema32.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!(formats0.validate(data3))){
const err8 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema32.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.metadata.properties.name.type,parentSchema:schema32.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.metadata.type,parentSchema:schema32.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.spec !== undefined){
let data4 = data.spec;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.profile === undefined){
const err11 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "profile"},message:"must have required property '"+"profile"+"'",schema:schema32.properties.spec.required,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4.subject === undefined){
const err12 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "subject"},message:"must have required property '"+"subject"+"'",schema:schema32.properties.spec.required,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4.reason === undefined){
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema32.properties.spec.required,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data4.duration === undefined){
const err14 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "duration"},message:"must have required property '"+"duration"+"'",schema:schema32.properties.spec.required,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data4.requestedAt === undefined){
const err15 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "requestedAt"},message:"must have required property '"+"requestedAt"+"'",schema:schema32.properties.spec.required,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key2 in data4){
if(!(((((key2 === "profile") || (key2 === "subject")) || (key2 === "reason")) || (key2 === "duration")) || (key2 === "requestedAt"))){
const err16 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data4.profile !== undefined){
let data5 = data4.profile;
if(typeof data5 === "string"){
if(!pattern4.test(data5)){
const err17 = {instancePath:instancePath+"/spec/profile",schemaPath:"#/properties/spec/properties/profile/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema32.properties.spec.properties.profile,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!(formats0.validate(data5))){
const err18 = {instancePath:instancePath+"/spec/profile",schemaPath:"#/properties/spec/properties/profile/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema32.properties.spec.properties.profile,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/spec/profile",schemaPath:"#/properties/spec/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.profile.type,parentSchema:schema32.properties.spec.properties.profile,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data4.subject !== undefined){
let data6 = data4.subject;
if(typeof data6 === "string"){
if(!pattern22.test(data6)){
const err20 = {instancePath:instancePath+"/spec/subject",schemaPath:"#/properties/spec/properties/subject/pattern",keyword:"pattern",params:{pattern: "^(?:(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+|[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$"},message:"must match pattern \""+"^(?:(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+|[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$"+"\"",schema:"^(?:(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+|[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$",parentSchema:schema32.properties.spec.properties.subject,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!(formats34.validate(data6))){
const err21 = {instancePath:instancePath+"/spec/subject",schemaPath:"#/properties/spec/properties/subject/format",keyword:"format",params:{format: "oncall-access-subject"},message:"must match format \""+"oncall-access-subject"+"\"",schema:"oncall-access-subject",parentSchema:schema32.properties.spec.properties.subject,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/spec/subject",schemaPath:"#/properties/spec/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.subject.type,parentSchema:schema32.properties.spec.properties.subject,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data4.reason !== undefined){
let data7 = data4.reason;
if(typeof data7 === "string"){
if(func1(data7) > 1000){
const err23 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters",schema:1000,parentSchema:schema32.properties.spec.properties.reason,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(func1(data7) < 1){
const err24 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema32.properties.spec.properties.reason,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/spec/reason",schemaPath:"#/properties/spec/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.reason.type,parentSchema:schema32.properties.spec.properties.reason,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data4.duration !== undefined){
let data8 = data4.duration;
if(typeof data8 === "string"){
if(!pattern6.test(data8)){
const err26 = {instancePath:instancePath+"/spec/duration",schemaPath:"#/properties/spec/properties/duration/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"+"\"",schema:"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$",parentSchema:schema32.properties.spec.properties.duration,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!(formats4.validate(data8))){
const err27 = {instancePath:instancePath+"/spec/duration",schemaPath:"#/properties/spec/properties/duration/format",keyword:"format",params:{format: "oncall-access-duration"},message:"must match format \""+"oncall-access-duration"+"\"",schema:"oncall-access-duration",parentSchema:schema32.properties.spec.properties.duration,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/spec/duration",schemaPath:"#/properties/spec/properties/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.duration.type,parentSchema:schema32.properties.spec.properties.duration,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data4.requestedAt !== undefined){
let data9 = data4.requestedAt;
if(typeof data9 === "string"){
if(!pattern24.test(data9)){
const err29 = {instancePath:instancePath+"/spec/requestedAt",schemaPath:"#/properties/spec/properties/requestedAt/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$",parentSchema:schema32.properties.spec.properties.requestedAt,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!(formats38.validate(data9))){
const err30 = {instancePath:instancePath+"/spec/requestedAt",schemaPath:"#/properties/spec/properties/requestedAt/format",keyword:"format",params:{format: "oncall-access-instant"},message:"must match format \""+"oncall-access-instant"+"\"",schema:"oncall-access-instant",parentSchema:schema32.properties.spec.properties.requestedAt,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/spec/requestedAt",schemaPath:"#/properties/spec/properties/requestedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.spec.properties.requestedAt.type,parentSchema:schema32.properties.spec.properties.requestedAt,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.spec.type,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const config = validate22;
const schema33 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/config.schema.json","title":"oncall-access Config","description":"oncall-access.yaml: the on-call sources, the targets holding entitlements, identity resolution, guards and where the other files are.","type":"object","additionalProperties":false,"required":["apiVersion","kind","spec"],"properties":{"apiVersion":{"description":"Version of the oncall-access file format.","const":"oncall-access/v1"},"kind":{"description":"What this document declares.","const":"Config"},"metadata":{"description":"Optional name and description.","type":"object","additionalProperties":false,"properties":{"name":{"description":"A name for this configuration.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"description":{"description":"What this configuration manages.","type":"string","maxLength":500}}},"spec":{"description":"The configuration.","type":"object","additionalProperties":false,"required":["sources","targets"],"properties":{"sources":{"description":"Places that know who is on call, by name; profiles refer to these names.","type":"object","maxProperties":50,"propertyNames":{"format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"additionalProperties":{"description":"One source.","type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"description":"pagerduty, opsgenie, jsm (Jira Service Management Operations, Opsgenie's successor), or rotations (built-in rotations kept in git).","enum":["pagerduty","opsgenie","jsm","rotations"]},"tokenEnv":{"description":"Name of the environment variable holding the API token (PagerDuty read-only REST key, Opsgenie API key, Atlassian API token). Never the token itself.","type":"string","format":"oncall-access-env-name","pattern":"^[A-Z_][A-Z0-9_]{0,99}$"},"apiUrl":{"description":"Overrides the public API endpoint, e.g. https://api.eu.pagerduty.com or https://api.eu.opsgenie.com (jsm: https://api.atlassian.com).","type":"string","format":"oncall-access-http-url","pattern":"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"},"cloudId":{"description":"jsm only, required: the Atlassian site's cloud id (https://YOUR-SITE.atlassian.net/_edge/tenant_info shows it).","type":"string","format":"oncall-access-cloud-id","pattern":"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"},"emailEnv":{"description":"jsm only, required: name of the environment variable holding the email of the Atlassian account the API token belongs to (Basic authentication is email and token).","type":"string","format":"oncall-access-env-name","pattern":"^[A-Z_][A-Z0-9_]{0,99}$"}}}},"targets":{"description":"Systems that hold entitlements, by name; profiles refer to these names.","type":"object","minProperties":1,"maxProperties":20,"propertyNames":{"format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"additionalProperties":{"description":"One target.","type":"object","required":["type"],"properties":{"type":{"description":"The kind of target: github, slack, okta.","enum":["github","slack","okta"]}},"allOf":[{"if":{"properties":{"type":{"const":"github"}},"required":["type"]},"then":{"description":"A github target.","type":"object","additionalProperties":false,"required":["type","org"],"properties":{"type":{"description":"The kind of target: github.","enum":["github"]},"org":{"description":"The GitHub organisation whose teams are managed.","type":"string","format":"oncall-access-login","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},"tokenEnv":{"description":"Name of the environment variable holding the GitHub token. Never the token itself.","type":"string","format":"oncall-access-env-name","pattern":"^[A-Z_][A-Z0-9_]{0,99}$"},"apiUrl":{"description":"Overrides https://api.github.com, e.g. https://github.example.com/api/v3 for GitHub Enterprise Server.","type":"string","format":"oncall-access-http-url","pattern":"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"}}}},{"if":{"properties":{"type":{"const":"slack"}},"required":["type"]},"then":{"description":"A slack target.","type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"description":"The kind of target: slack.","enum":["slack"]},"tokenEnv":{"description":"Name of the environment variable holding the Slack bot token (scopes usergroups:read, usergroups:write, users:read, users:read.email). Never the token itself.","type":"string","format":"oncall-access-env-name","pattern":"^[A-Z_][A-Z0-9_]{0,99}$"},"teamId":{"description":"The workspace (T...) whose user groups are managed; needed with an Enterprise Grid org-wide token.","type":"string","format":"oncall-access-slack-team-id","pattern":"^T[A-Z0-9]{8,19}$"},"apiUrl":{"description":"Overrides https://slack.com/api/ (a local emulator).","type":"string","format":"oncall-access-http-url","pattern":"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"},"whenEmpty":{"description":"Slack refuses to empty a user group. When a rotation would leave one with nobody: disable (the default) disables the group, so its handle pages nobody, and enables it again when someone is on call; keep leaves its last members in it (the plan still shows them revoked, apply skips that); error fails those changes.","enum":["disable","keep","error"]}}}},{"if":{"properties":{"type":{"const":"okta"}},"required":["type"]},"then":{"description":"A okta target.","type":"object","additionalProperties":false,"required":["type","orgUrl"],"oneOf":[{"required":["clientId"]},{"required":["tokenEnv"]}],"dependentRequired":{"clientId":["privateKeyEnv"],"privateKeyEnv":["clientId"]},"properties":{"type":{"description":"The kind of target: okta.","enum":["okta"]},"orgUrl":{"description":"The Okta org, e.g. https://acme.okta.com (https; http only for a local emulator on 127.0.0.1).","type":"string","format":"oncall-access-http-url","pattern":"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"},"clientId":{"description":"Recommended: the client id of an OAuth 2.0 service app (API Services) with public key / private key client authentication, granted the scopes okta.groups.manage and okta.users.read. With privateKeyEnv.","type":"string","pattern":"^[A-Za-z0-9_-]{1,100}$"},"privateKeyEnv":{"description":"Name of the environment variable holding the service app's private key, as PEM or as a JWK (JSON). Never the key itself.","type":"string","format":"oncall-access-env-name","pattern":"^[A-Z_][A-Z0-9_]{0,99}$"},"keyId":{"description":"The key's id (kid) as Okta shows it on the service app, sent with every client assertion; needed when the app has several keys.","type":"string","pattern":"^[A-Za-z0-9_.-]{1,200}$"},"scopes":{"description":"The scopes asked of the token. Default: [okta.groups.manage, okta.users.read].","type":"array","minItems":1,"uniqueItems":true,"items":{"description":"An Okta API scope.","enum":["okta.groups.manage","okta.groups.read","okta.users.read"]}},"tokenEnv":{"description":"Instead of a service app: name of the environment variable holding an SSWS API token (it acts with the rights of the admin who made it). Never the token itself.","type":"string","format":"oncall-access-env-name","pattern":"^[A-Z_][A-Z0-9_]{0,99}$"}}}}]}},"identities":{"description":"How an on-call person's email becomes a GitHub login.","type":"object","additionalProperties":false,"properties":{"resolve":{"description":"Resolution methods, tried in order until one knows the email: file (the Identities file), saml (the GitHub organisation's SAML external identities), verifiedEmail (members' emails in the organisation's verified domains). Default: [file].","type":"array","minItems":1,"uniqueItems":true,"items":{"description":"A resolution method.","enum":["file","saml","verifiedEmail"]}},"samlAttributes":{"description":"Which SAML external identity attributes may map an email to a login: nameId (the subject the IdP asserts) and, only if you trust every IdP administrator with who gets which access, emails (attributes anyone who can edit a user in the IdP can set). Default: [nameId].","type":"array","minItems":1,"uniqueItems":true,"items":{"description":"A SAML attribute.","enum":["nameId","emails"]}}}},"guards":{"description":"Safety rails: plans that break them are refused.","type":"object","additionalProperties":false,"properties":{"maxRevocations":{"description":"Refuse a run that would revoke more than this many holdings.","type":"integer","minimum":0,"maximum":100000},"maxRevocationShare":{"description":"Refuse a run that would revoke more than this share (0 to 1) of any one team's holders, e.g. 0.5.","type":"number","minimum":0,"maximum":1},"protectedAccounts":{"description":"GitHub logins that are never revoked (break-glass admins).","type":"array","maxItems":1000,"items":{"description":"A GitHub login.","type":"string","format":"oncall-access-login","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"}}}},"coverage":{"description":"Checks of the coming week's on-call coverage, made by plan (every bound rotation) and validate (rotations kept in git).","type":"object","additionalProperties":false,"properties":{"gaps":{"description":"What a stretch of the next 7 days in which a bound rotation leaves nobody with access (nobody on call, or only people without a GitHub login) is: warn (the default), error (for teams that require 24/7 coverage: plan and validate fail), or off. Rotations bound only by profiles with allowEmptyRotations are not checked.","enum":["off","warn","error"]}}},"shards":{"description":"For very large organisations: named sets of profile globs, one per job of a workflow matrix (`plan`/`apply --shard NAME`). validate refuses shards that manage the same entitlement.","type":"object","maxProperties":100,"propertyNames":{"format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"additionalProperties":{"description":"Globs over profile names (payments-*), or over profile files when a glob contains / or ends in .yaml; !GLOB excludes.","type":"array","minItems":1,"maxItems":100,"items":{"description":"A glob.","type":"string","minLength":1,"maxLength":200}}},"paths":{"description":"Where the other files are, relative to this file.","type":"object","additionalProperties":false,"properties":{"profiles":{"description":"Directory of AccessProfile files (default: profiles).","type":"string","format":"oncall-access-relative-path","pattern":"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},"rotations":{"description":"Directory of Rotation files (default: rotations).","type":"string","format":"oncall-access-relative-path","pattern":"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},"requests":{"description":"Directory of AccessRequest files (default: requests).","type":"string","format":"oncall-access-relative-path","pattern":"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},"identities":{"description":"The Identities file (default: identities.yaml).","type":"string","format":"oncall-access-relative-path","pattern":"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},"state":{"description":"Directory of the state apply keeps: grants.json (what this tool granted), rotations.json, audit.jsonl (default: state). Commit it.","type":"string","format":"oncall-access-relative-path","pattern":"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"}}}}}}};
const formats44 = FORMATS["oncall-access-env-name"];
const formats46 = FORMATS["oncall-access-http-url"];
const formats48 = FORMATS["oncall-access-cloud-id"];
const formats62 = FORMATS["oncall-access-slack-team-id"];
const formats76 = FORMATS["oncall-access-relative-path"];
const pattern27 = new RegExp("^[A-Z_][A-Z0-9_]{0,99}$", "u");
const pattern28 = new RegExp("^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$", "u");
const pattern29 = new RegExp("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$", "u");
const pattern36 = new RegExp("^T[A-Z0-9]{8,19}$", "u");
const pattern39 = new RegExp("^[A-Za-z0-9_-]{1,100}$", "u");
const pattern41 = new RegExp("^[A-Za-z0-9_.-]{1,200}$", "u");
const pattern45 = new RegExp("^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$", "u");
const func0 = equal.default;

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/config.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.spec === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("oncall-access/v1" !== data0){
const err4 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "oncall-access/v1"},message:"must be equal to constant",schema:"oncall-access/v1",parentSchema:schema33.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Config" !== data1){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Config"},message:"must be equal to constant",schema:"Config",parentSchema:schema33.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!((key1 === "name") || (key1 === "description"))){
const err6 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err7 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!(formats0.validate(data3))){
const err8 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema33.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.metadata.properties.name.type,parentSchema:schema33.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.description !== undefined){
let data4 = data2.description;
if(typeof data4 === "string"){
if(func1(data4) > 500){
const err10 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema33.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.metadata.properties.description.type,parentSchema:schema33.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.metadata.type,parentSchema:schema33.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.spec !== undefined){
let data5 = data.spec;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.sources === undefined){
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "sources"},message:"must have required property '"+"sources"+"'",schema:schema33.properties.spec.required,parentSchema:schema33.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data5.targets === undefined){
const err14 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "targets"},message:"must have required property '"+"targets"+"'",schema:schema33.properties.spec.required,parentSchema:schema33.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key2 in data5){
if(!(((((((key2 === "sources") || (key2 === "targets")) || (key2 === "identities")) || (key2 === "guards")) || (key2 === "coverage")) || (key2 === "shards")) || (key2 === "paths"))){
const err15 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data5.sources !== undefined){
let data6 = data5.sources;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(Object.keys(data6).length > 50){
const err16 = {instancePath:instancePath+"/spec/sources",schemaPath:"#/properties/spec/properties/sources/maxProperties",keyword:"maxProperties",params:{limit: 50},message:"must NOT have more than 50 properties",schema:50,parentSchema:schema33.properties.spec.properties.sources,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key3 in data6){
const _errs16 = errors;
if(typeof key3 === "string"){
if(!pattern4.test(key3)){
const err17 = {instancePath:instancePath+"/spec/sources",schemaPath:"#/properties/spec/properties/sources/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.spec.properties.sources.propertyNames,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!(formats0.validate(key3))){
const err18 = {instancePath:instancePath+"/spec/sources",schemaPath:"#/properties/spec/properties/sources/propertyNames/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema33.properties.spec.properties.sources.propertyNames,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var valid3 = _errs16 === errors;
if(!valid3){
const err19 = {instancePath:instancePath+"/spec/sources",schemaPath:"#/properties/spec/properties/sources/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:schema33.properties.spec.properties.sources.propertyNames,parentSchema:schema33.properties.spec.properties.sources,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
for(const key4 in data6){
let data7 = data6[key4];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.type === undefined){
const err20 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/sources/additionalProperties/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema33.properties.spec.properties.sources.additionalProperties.required,parentSchema:schema33.properties.spec.properties.sources.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key5 in data7){
if(!(((((key5 === "type") || (key5 === "tokenEnv")) || (key5 === "apiUrl")) || (key5 === "cloudId")) || (key5 === "emailEnv"))){
const err21 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/sources/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.sources.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.type !== undefined){
let data8 = data7.type;
if(!((((data8 === "pagerduty") || (data8 === "opsgenie")) || (data8 === "jsm")) || (data8 === "rotations"))){
const err22 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/type/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.sources.additionalProperties.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.sources.additionalProperties.properties.type.enum,parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.type,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.tokenEnv !== undefined){
let data9 = data7.tokenEnv;
if(typeof data9 === "string"){
if(!pattern27.test(data9)){
const err23 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/tokenEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]{0,99}$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]{0,99}$"+"\"",schema:"^[A-Z_][A-Z0-9_]{0,99}$",parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.tokenEnv,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!(formats44.validate(data9))){
const err24 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/tokenEnv/format",keyword:"format",params:{format: "oncall-access-env-name"},message:"must match format \""+"oncall-access-env-name"+"\"",schema:"oncall-access-env-name",parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.tokenEnv,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/tokenEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.sources.additionalProperties.properties.tokenEnv.type,parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.tokenEnv,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data7.apiUrl !== undefined){
let data10 = data7.apiUrl;
if(typeof data10 === "string"){
if(!pattern28.test(data10)){
const err26 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/apiUrl/pattern",keyword:"pattern",params:{pattern: "^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"},message:"must match pattern \""+"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"+"\"",schema:"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$",parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.apiUrl,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!(formats46.validate(data10))){
const err27 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/apiUrl/format",keyword:"format",params:{format: "oncall-access-http-url"},message:"must match format \""+"oncall-access-http-url"+"\"",schema:"oncall-access-http-url",parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.apiUrl,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/apiUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.sources.additionalProperties.properties.apiUrl.type,parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.apiUrl,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.cloudId !== undefined){
let data11 = data7.cloudId;
if(typeof data11 === "string"){
if(!pattern29.test(data11)){
const err29 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/cloudId",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/cloudId/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"},message:"must match pattern \""+"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"+"\"",schema:"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.cloudId,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!(formats48.validate(data11))){
const err30 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/cloudId",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/cloudId/format",keyword:"format",params:{format: "oncall-access-cloud-id"},message:"must match format \""+"oncall-access-cloud-id"+"\"",schema:"oncall-access-cloud-id",parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.cloudId,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/cloudId",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/cloudId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.sources.additionalProperties.properties.cloudId.type,parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.cloudId,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data7.emailEnv !== undefined){
let data12 = data7.emailEnv;
if(typeof data12 === "string"){
if(!pattern27.test(data12)){
const err32 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/emailEnv",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/emailEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]{0,99}$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]{0,99}$"+"\"",schema:"^[A-Z_][A-Z0-9_]{0,99}$",parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.emailEnv,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!(formats44.validate(data12))){
const err33 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/emailEnv",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/emailEnv/format",keyword:"format",params:{format: "oncall-access-env-name"},message:"must match format \""+"oncall-access-env-name"+"\"",schema:"oncall-access-env-name",parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.emailEnv,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/emailEnv",schemaPath:"#/properties/spec/properties/sources/additionalProperties/properties/emailEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.sources.additionalProperties.properties.emailEnv.type,parentSchema:schema33.properties.spec.properties.sources.additionalProperties.properties.emailEnv,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/spec/sources/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/sources/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.sources.additionalProperties.type,parentSchema:schema33.properties.spec.properties.sources.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/spec/sources",schemaPath:"#/properties/spec/properties/sources/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.sources.type,parentSchema:schema33.properties.spec.properties.sources,data:data6};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data5.targets !== undefined){
let data13 = data5.targets;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(Object.keys(data13).length > 20){
const err37 = {instancePath:instancePath+"/spec/targets",schemaPath:"#/properties/spec/properties/targets/maxProperties",keyword:"maxProperties",params:{limit: 20},message:"must NOT have more than 20 properties",schema:20,parentSchema:schema33.properties.spec.properties.targets,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(Object.keys(data13).length < 1){
const err38 = {instancePath:instancePath+"/spec/targets",schemaPath:"#/properties/spec/properties/targets/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema33.properties.spec.properties.targets,data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
for(const key6 in data13){
const _errs32 = errors;
if(typeof key6 === "string"){
if(!pattern4.test(key6)){
const err39 = {instancePath:instancePath+"/spec/targets",schemaPath:"#/properties/spec/properties/targets/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.spec.properties.targets.propertyNames,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(!(formats0.validate(key6))){
const err40 = {instancePath:instancePath+"/spec/targets",schemaPath:"#/properties/spec/properties/targets/propertyNames/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema33.properties.spec.properties.targets.propertyNames,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
var valid6 = _errs32 === errors;
if(!valid6){
const err41 = {instancePath:instancePath+"/spec/targets",schemaPath:"#/properties/spec/properties/targets/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:schema33.properties.spec.properties.targets.propertyNames,parentSchema:schema33.properties.spec.properties.targets,data:data13};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
for(const key7 in data13){
let data14 = data13[key7];
const _errs37 = errors;
let valid9 = true;
const _errs38 = errors;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
let missing0;
if((data14.type === undefined) && (missing0 = "type")){
const err42 = {};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
else {
if(data14.type !== undefined){
if("github" !== data14.type){
const err43 = {};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
}
var _valid0 = _errs38 === errors;
errors = _errs37;
if(vErrors !== null){
if(_errs37){
vErrors.length = _errs37;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs40 = errors;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.type === undefined){
const err44 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.required,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then,data:data14};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(data14.org === undefined){
const err45 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/required",keyword:"required",params:{missingProperty: "org"},message:"must have required property '"+"org"+"'",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.required,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then,data:data14};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
for(const key8 in data14){
if(!((((key8 === "type") || (key8 === "org")) || (key8 === "tokenEnv")) || (key8 === "apiUrl"))){
const err46 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then,data:data14};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data14.type !== undefined){
let data16 = data14.type;
if(!(data16 === "github")){
const err47 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/type/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.type.enum,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.type,data:data16};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data14.org !== undefined){
let data17 = data14.org;
if(typeof data17 === "string"){
if(!pattern5.test(data17)){
const err48 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/org",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/org/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.org,data:data17};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(!(formats2.validate(data17))){
const err49 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/org",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/org/format",keyword:"format",params:{format: "oncall-access-login"},message:"must match format \""+"oncall-access-login"+"\"",schema:"oncall-access-login",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.org,data:data17};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/org",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/org/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.org.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.org,data:data17};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data14.tokenEnv !== undefined){
let data18 = data14.tokenEnv;
if(typeof data18 === "string"){
if(!pattern27.test(data18)){
const err51 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/tokenEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]{0,99}$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]{0,99}$"+"\"",schema:"^[A-Z_][A-Z0-9_]{0,99}$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.tokenEnv,data:data18};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(!(formats44.validate(data18))){
const err52 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/tokenEnv/format",keyword:"format",params:{format: "oncall-access-env-name"},message:"must match format \""+"oncall-access-env-name"+"\"",schema:"oncall-access-env-name",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.tokenEnv,data:data18};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/tokenEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.tokenEnv.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.tokenEnv,data:data18};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data14.apiUrl !== undefined){
let data19 = data14.apiUrl;
if(typeof data19 === "string"){
if(!pattern28.test(data19)){
const err54 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/apiUrl/pattern",keyword:"pattern",params:{pattern: "^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"},message:"must match pattern \""+"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"+"\"",schema:"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.apiUrl,data:data19};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(!(formats46.validate(data19))){
const err55 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/apiUrl/format",keyword:"format",params:{format: "oncall-access-http-url"},message:"must match format \""+"oncall-access-http-url"+"\"",schema:"oncall-access-http-url",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.apiUrl,data:data19};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/properties/apiUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.apiUrl.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.properties.apiUrl,data:data19};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/then/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].then,data:data14};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
var _valid0 = _errs40 === errors;
valid9 = _valid0;
if(valid9){
var props0 = true;
}
}
if(!valid9){
const err58 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0].if,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[0],data:data14};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
const _errs51 = errors;
let valid12 = true;
const _errs52 = errors;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
let missing1;
if((data14.type === undefined) && (missing1 = "type")){
const err59 = {};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
else {
if(data14.type !== undefined){
if("slack" !== data14.type){
const err60 = {};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
}
var _valid1 = _errs52 === errors;
errors = _errs51;
if(vErrors !== null){
if(_errs51){
vErrors.length = _errs51;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs54 = errors;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.type === undefined){
const err61 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.required,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then,data:data14};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
for(const key9 in data14){
if(!(((((key9 === "type") || (key9 === "tokenEnv")) || (key9 === "teamId")) || (key9 === "apiUrl")) || (key9 === "whenEmpty"))){
const err62 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then,data:data14};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data14.type !== undefined){
let data21 = data14.type;
if(!(data21 === "slack")){
const err63 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/type/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.type.enum,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.type,data:data21};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data14.tokenEnv !== undefined){
let data22 = data14.tokenEnv;
if(typeof data22 === "string"){
if(!pattern27.test(data22)){
const err64 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/tokenEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]{0,99}$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]{0,99}$"+"\"",schema:"^[A-Z_][A-Z0-9_]{0,99}$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.tokenEnv,data:data22};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if(!(formats44.validate(data22))){
const err65 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/tokenEnv/format",keyword:"format",params:{format: "oncall-access-env-name"},message:"must match format \""+"oncall-access-env-name"+"\"",schema:"oncall-access-env-name",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.tokenEnv,data:data22};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
else {
const err66 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/tokenEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.tokenEnv.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.tokenEnv,data:data22};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data14.teamId !== undefined){
let data23 = data14.teamId;
if(typeof data23 === "string"){
if(!pattern36.test(data23)){
const err67 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/teamId",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/teamId/pattern",keyword:"pattern",params:{pattern: "^T[A-Z0-9]{8,19}$"},message:"must match pattern \""+"^T[A-Z0-9]{8,19}$"+"\"",schema:"^T[A-Z0-9]{8,19}$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.teamId,data:data23};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(!(formats62.validate(data23))){
const err68 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/teamId",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/teamId/format",keyword:"format",params:{format: "oncall-access-slack-team-id"},message:"must match format \""+"oncall-access-slack-team-id"+"\"",schema:"oncall-access-slack-team-id",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.teamId,data:data23};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
else {
const err69 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/teamId",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/teamId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.teamId.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.teamId,data:data23};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data14.apiUrl !== undefined){
let data24 = data14.apiUrl;
if(typeof data24 === "string"){
if(!pattern28.test(data24)){
const err70 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/apiUrl/pattern",keyword:"pattern",params:{pattern: "^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"},message:"must match pattern \""+"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"+"\"",schema:"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.apiUrl,data:data24};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(!(formats46.validate(data24))){
const err71 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/apiUrl/format",keyword:"format",params:{format: "oncall-access-http-url"},message:"must match format \""+"oncall-access-http-url"+"\"",schema:"oncall-access-http-url",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.apiUrl,data:data24};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
else {
const err72 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/apiUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/apiUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.apiUrl.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.apiUrl,data:data24};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data14.whenEmpty !== undefined){
let data25 = data14.whenEmpty;
if(!(((data25 === "disable") || (data25 === "keep")) || (data25 === "error"))){
const err73 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/whenEmpty",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/properties/whenEmpty/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.whenEmpty.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.whenEmpty.enum,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.properties.whenEmpty,data:data25};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/then/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].then,data:data14};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
var _valid1 = _errs54 === errors;
valid12 = _valid1;
if(valid12){
var props1 = true;
}
}
if(!valid12){
const err75 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1].if,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[1],data:data14};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs66 = errors;
let valid15 = true;
const _errs67 = errors;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
let missing2;
if((data14.type === undefined) && (missing2 = "type")){
const err76 = {};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
else {
if(data14.type !== undefined){
if("okta" !== data14.type){
const err77 = {};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
}
var _valid2 = _errs67 === errors;
errors = _errs66;
if(vErrors !== null){
if(_errs66){
vErrors.length = _errs66;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs69 = errors;
const _errs71 = errors;
let valid17 = false;
let passing0 = null;
const _errs72 = errors;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.clientId === undefined){
const err78 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/oneOf/0/required",keyword:"required",params:{missingProperty: "clientId"},message:"must have required property '"+"clientId"+"'",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.oneOf[0].required,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.oneOf[0],data:data14};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
var _valid3 = _errs72 === errors;
if(_valid3){
valid17 = true;
passing0 = 0;
}
const _errs73 = errors;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.tokenEnv === undefined){
const err79 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/oneOf/1/required",keyword:"required",params:{missingProperty: "tokenEnv"},message:"must have required property '"+"tokenEnv"+"'",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.oneOf[1].required,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.oneOf[1],data:data14};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
var _valid3 = _errs73 === errors;
if(_valid3 && valid17){
valid17 = false;
passing0 = [passing0, 1];
}
else {
if(_valid3){
valid17 = true;
passing0 = 1;
}
}
if(!valid17){
const err80 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.oneOf,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then,data:data14};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
else {
errors = _errs71;
if(vErrors !== null){
if(_errs71){
vErrors.length = _errs71;
}
else {
vErrors = null;
}
}
}
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.type === undefined){
const err81 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.required,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then,data:data14};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
if(data14.orgUrl === undefined){
const err82 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/required",keyword:"required",params:{missingProperty: "orgUrl"},message:"must have required property '"+"orgUrl"+"'",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.required,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then,data:data14};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
for(const key10 in data14){
if(!(((((((key10 === "type") || (key10 === "orgUrl")) || (key10 === "clientId")) || (key10 === "privateKeyEnv")) || (key10 === "keyId")) || (key10 === "scopes")) || (key10 === "tokenEnv"))){
const err83 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then,data:data14};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data14.type !== undefined){
let data27 = data14.type;
if(!(data27 === "okta")){
const err84 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/type/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.type.enum,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.type,data:data27};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data14.orgUrl !== undefined){
let data28 = data14.orgUrl;
if(typeof data28 === "string"){
if(!pattern28.test(data28)){
const err85 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/orgUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/orgUrl/pattern",keyword:"pattern",params:{pattern: "^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"},message:"must match pattern \""+"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$"+"\"",schema:"^https?:\\/\\/[^\\s/?#@\\\\]+(?:\\/[^\\s?#\\\\]*)?$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.orgUrl,data:data28};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(!(formats46.validate(data28))){
const err86 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/orgUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/orgUrl/format",keyword:"format",params:{format: "oncall-access-http-url"},message:"must match format \""+"oncall-access-http-url"+"\"",schema:"oncall-access-http-url",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.orgUrl,data:data28};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
else {
const err87 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/orgUrl",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/orgUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.orgUrl.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.orgUrl,data:data28};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data14.clientId !== undefined){
let data29 = data14.clientId;
if(typeof data29 === "string"){
if(!pattern39.test(data29)){
const err88 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/clientId",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/clientId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_-]{1,100}$"},message:"must match pattern \""+"^[A-Za-z0-9_-]{1,100}$"+"\"",schema:"^[A-Za-z0-9_-]{1,100}$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.clientId,data:data29};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
else {
const err89 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/clientId",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/clientId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.clientId.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.clientId,data:data29};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data14.privateKeyEnv !== undefined){
let data30 = data14.privateKeyEnv;
if(typeof data30 === "string"){
if(!pattern27.test(data30)){
const err90 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/privateKeyEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/privateKeyEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]{0,99}$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]{0,99}$"+"\"",schema:"^[A-Z_][A-Z0-9_]{0,99}$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.privateKeyEnv,data:data30};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(!(formats44.validate(data30))){
const err91 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/privateKeyEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/privateKeyEnv/format",keyword:"format",params:{format: "oncall-access-env-name"},message:"must match format \""+"oncall-access-env-name"+"\"",schema:"oncall-access-env-name",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.privateKeyEnv,data:data30};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
else {
const err92 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/privateKeyEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/privateKeyEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.privateKeyEnv.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.privateKeyEnv,data:data30};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data14.keyId !== undefined){
let data31 = data14.keyId;
if(typeof data31 === "string"){
if(!pattern41.test(data31)){
const err93 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/keyId",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/keyId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]{1,200}$"},message:"must match pattern \""+"^[A-Za-z0-9_.-]{1,200}$"+"\"",schema:"^[A-Za-z0-9_.-]{1,200}$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.keyId,data:data31};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
else {
const err94 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/keyId",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/keyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.keyId.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.keyId,data:data31};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data14.scopes !== undefined){
let data32 = data14.scopes;
if(Array.isArray(data32)){
if(data32.length < 1){
const err95 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/scopes",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/scopes/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.scopes,data:data32};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
const len0 = data32.length;
for(let i0=0; i0<len0; i0++){
let data33 = data32[i0];
if(!(((data33 === "okta.groups.manage") || (data33 === "okta.groups.read")) || (data33 === "okta.users.read"))){
const err96 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/scopes/" + i0,schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/scopes/items/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.scopes.items.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.scopes.items.enum,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.scopes.items,data:data33};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
let i1 = data32.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data32[i1], data32[j0])){
const err97 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/scopes",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/scopes/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.scopes,data:data32};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err98 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/scopes",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/scopes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.scopes.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.scopes,data:data32};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data14.tokenEnv !== undefined){
let data34 = data14.tokenEnv;
if(typeof data34 === "string"){
if(!pattern27.test(data34)){
const err99 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/tokenEnv/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]{0,99}$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]{0,99}$"+"\"",schema:"^[A-Z_][A-Z0-9_]{0,99}$",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.tokenEnv,data:data34};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
if(!(formats44.validate(data34))){
const err100 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/tokenEnv/format",keyword:"format",params:{format: "oncall-access-env-name"},message:"must match format \""+"oncall-access-env-name"+"\"",schema:"oncall-access-env-name",parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.tokenEnv,data:data34};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
else {
const err101 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tokenEnv",schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/properties/tokenEnv/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.tokenEnv.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.properties.tokenEnv,data:data34};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data14.clientId !== undefined){
if(data14.privateKeyEnv === undefined){
const err102 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/dependentRequired",keyword:"dependentRequired",params:{property: "clientId",
    missingProperty: "privateKeyEnv",
    depsCount: 1,
    deps: "privateKeyEnv"},message:"must have property privateKeyEnv when property clientId is present",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.dependentRequired,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then,data:data14};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data14.privateKeyEnv !== undefined){
if(data14.clientId === undefined){
const err103 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/dependentRequired",keyword:"dependentRequired",params:{property: "privateKeyEnv",
    missingProperty: "clientId",
    depsCount: 1,
    deps: "clientId"},message:"must have property clientId when property privateKeyEnv is present",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.dependentRequired,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then,data:data14};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/then/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].then,data:data14};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
var _valid2 = _errs69 === errors;
valid15 = _valid2;
if(valid15){
var props2 = true;
}
}
if(!valid15){
const err105 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2].if,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.allOf[2],data:data14};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.type === undefined){
const err106 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema33.properties.spec.properties.targets.additionalProperties.required,parentSchema:schema33.properties.spec.properties.targets.additionalProperties,data:data14};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
}
if(data14.type !== undefined){
let data35 = data14.type;
if(!(((data35 === "github") || (data35 === "slack")) || (data35 === "okta"))){
const err107 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/properties/spec/properties/targets/additionalProperties/properties/type/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.targets.additionalProperties.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.targets.additionalProperties.properties.type.enum,parentSchema:schema33.properties.spec.properties.targets.additionalProperties.properties.type,data:data35};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath:instancePath+"/spec/targets/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/targets/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.targets.additionalProperties.type,parentSchema:schema33.properties.spec.properties.targets.additionalProperties,data:data14};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
}
else {
const err109 = {instancePath:instancePath+"/spec/targets",schemaPath:"#/properties/spec/properties/targets/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.targets.type,parentSchema:schema33.properties.spec.properties.targets,data:data13};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
if(data5.identities !== undefined){
let data36 = data5.identities;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
for(const key11 in data36){
if(!((key11 === "resolve") || (key11 === "samlAttributes"))){
const err110 = {instancePath:instancePath+"/spec/identities",schemaPath:"#/properties/spec/properties/identities/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.identities,data:data36};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data36.resolve !== undefined){
let data37 = data36.resolve;
if(Array.isArray(data37)){
if(data37.length < 1){
const err111 = {instancePath:instancePath+"/spec/identities/resolve",schemaPath:"#/properties/spec/properties/identities/properties/resolve/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33.properties.spec.properties.identities.properties.resolve,data:data37};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
const len1 = data37.length;
for(let i2=0; i2<len1; i2++){
let data38 = data37[i2];
if(!(((data38 === "file") || (data38 === "saml")) || (data38 === "verifiedEmail"))){
const err112 = {instancePath:instancePath+"/spec/identities/resolve/" + i2,schemaPath:"#/properties/spec/properties/identities/properties/resolve/items/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.identities.properties.resolve.items.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.identities.properties.resolve.items.enum,parentSchema:schema33.properties.spec.properties.identities.properties.resolve.items,data:data38};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
let i3 = data37.length;
let j1;
if(i3 > 1){
outer1:
for(;i3--;){
for(j1 = i3; j1--;){
if(func0(data37[i3], data37[j1])){
const err113 = {instancePath:instancePath+"/spec/identities/resolve",schemaPath:"#/properties/spec/properties/identities/properties/resolve/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema33.properties.spec.properties.identities.properties.resolve,data:data37};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
break outer1;
}
}
}
}
}
else {
const err114 = {instancePath:instancePath+"/spec/identities/resolve",schemaPath:"#/properties/spec/properties/identities/properties/resolve/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.identities.properties.resolve.type,parentSchema:schema33.properties.spec.properties.identities.properties.resolve,data:data37};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data36.samlAttributes !== undefined){
let data39 = data36.samlAttributes;
if(Array.isArray(data39)){
if(data39.length < 1){
const err115 = {instancePath:instancePath+"/spec/identities/samlAttributes",schemaPath:"#/properties/spec/properties/identities/properties/samlAttributes/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33.properties.spec.properties.identities.properties.samlAttributes,data:data39};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
const len2 = data39.length;
for(let i4=0; i4<len2; i4++){
let data40 = data39[i4];
if(!((data40 === "nameId") || (data40 === "emails"))){
const err116 = {instancePath:instancePath+"/spec/identities/samlAttributes/" + i4,schemaPath:"#/properties/spec/properties/identities/properties/samlAttributes/items/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.identities.properties.samlAttributes.items.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.identities.properties.samlAttributes.items.enum,parentSchema:schema33.properties.spec.properties.identities.properties.samlAttributes.items,data:data40};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
let i5 = data39.length;
let j2;
if(i5 > 1){
outer2:
for(;i5--;){
for(j2 = i5; j2--;){
if(func0(data39[i5], data39[j2])){
const err117 = {instancePath:instancePath+"/spec/identities/samlAttributes",schemaPath:"#/properties/spec/properties/identities/properties/samlAttributes/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i5+" are identical)",schema:true,parentSchema:schema33.properties.spec.properties.identities.properties.samlAttributes,data:data39};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
break outer2;
}
}
}
}
}
else {
const err118 = {instancePath:instancePath+"/spec/identities/samlAttributes",schemaPath:"#/properties/spec/properties/identities/properties/samlAttributes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.identities.properties.samlAttributes.type,parentSchema:schema33.properties.spec.properties.identities.properties.samlAttributes,data:data39};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
}
else {
const err119 = {instancePath:instancePath+"/spec/identities",schemaPath:"#/properties/spec/properties/identities/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.identities.type,parentSchema:schema33.properties.spec.properties.identities,data:data36};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
if(data5.guards !== undefined){
let data41 = data5.guards;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
for(const key12 in data41){
if(!(((key12 === "maxRevocations") || (key12 === "maxRevocationShare")) || (key12 === "protectedAccounts"))){
const err120 = {instancePath:instancePath+"/spec/guards",schemaPath:"#/properties/spec/properties/guards/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.guards,data:data41};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
if(data41.maxRevocations !== undefined){
let data42 = data41.maxRevocations;
if(!(((typeof data42 == "number") && (!(data42 % 1) && !isNaN(data42))) && (isFinite(data42)))){
const err121 = {instancePath:instancePath+"/spec/guards/maxRevocations",schemaPath:"#/properties/spec/properties/guards/properties/maxRevocations/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.spec.properties.guards.properties.maxRevocations.type,parentSchema:schema33.properties.spec.properties.guards.properties.maxRevocations,data:data42};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
if((typeof data42 == "number") && (isFinite(data42))){
if(data42 > 100000 || isNaN(data42)){
const err122 = {instancePath:instancePath+"/spec/guards/maxRevocations",schemaPath:"#/properties/spec/properties/guards/properties/maxRevocations/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema33.properties.spec.properties.guards.properties.maxRevocations,data:data42};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
if(data42 < 0 || isNaN(data42)){
const err123 = {instancePath:instancePath+"/spec/guards/maxRevocations",schemaPath:"#/properties/spec/properties/guards/properties/maxRevocations/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.spec.properties.guards.properties.maxRevocations,data:data42};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
if(data41.maxRevocationShare !== undefined){
let data43 = data41.maxRevocationShare;
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 > 1 || isNaN(data43)){
const err124 = {instancePath:instancePath+"/spec/guards/maxRevocationShare",schemaPath:"#/properties/spec/properties/guards/properties/maxRevocationShare/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema33.properties.spec.properties.guards.properties.maxRevocationShare,data:data43};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
if(data43 < 0 || isNaN(data43)){
const err125 = {instancePath:instancePath+"/spec/guards/maxRevocationShare",schemaPath:"#/properties/spec/properties/guards/properties/maxRevocationShare/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.spec.properties.guards.properties.maxRevocationShare,data:data43};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
else {
const err126 = {instancePath:instancePath+"/spec/guards/maxRevocationShare",schemaPath:"#/properties/spec/properties/guards/properties/maxRevocationShare/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema33.properties.spec.properties.guards.properties.maxRevocationShare.type,parentSchema:schema33.properties.spec.properties.guards.properties.maxRevocationShare,data:data43};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
if(data41.protectedAccounts !== undefined){
let data44 = data41.protectedAccounts;
if(Array.isArray(data44)){
if(data44.length > 1000){
const err127 = {instancePath:instancePath+"/spec/guards/protectedAccounts",schemaPath:"#/properties/spec/properties/guards/properties/protectedAccounts/maxItems",keyword:"maxItems",params:{limit: 1000},message:"must NOT have more than 1000 items",schema:1000,parentSchema:schema33.properties.spec.properties.guards.properties.protectedAccounts,data:data44};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
const len3 = data44.length;
for(let i6=0; i6<len3; i6++){
let data45 = data44[i6];
if(typeof data45 === "string"){
if(!pattern5.test(data45)){
const err128 = {instancePath:instancePath+"/spec/guards/protectedAccounts/" + i6,schemaPath:"#/properties/spec/properties/guards/properties/protectedAccounts/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema33.properties.spec.properties.guards.properties.protectedAccounts.items,data:data45};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if(!(formats2.validate(data45))){
const err129 = {instancePath:instancePath+"/spec/guards/protectedAccounts/" + i6,schemaPath:"#/properties/spec/properties/guards/properties/protectedAccounts/items/format",keyword:"format",params:{format: "oncall-access-login"},message:"must match format \""+"oncall-access-login"+"\"",schema:"oncall-access-login",parentSchema:schema33.properties.spec.properties.guards.properties.protectedAccounts.items,data:data45};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
else {
const err130 = {instancePath:instancePath+"/spec/guards/protectedAccounts/" + i6,schemaPath:"#/properties/spec/properties/guards/properties/protectedAccounts/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.guards.properties.protectedAccounts.items.type,parentSchema:schema33.properties.spec.properties.guards.properties.protectedAccounts.items,data:data45};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
}
else {
const err131 = {instancePath:instancePath+"/spec/guards/protectedAccounts",schemaPath:"#/properties/spec/properties/guards/properties/protectedAccounts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.guards.properties.protectedAccounts.type,parentSchema:schema33.properties.spec.properties.guards.properties.protectedAccounts,data:data44};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
}
else {
const err132 = {instancePath:instancePath+"/spec/guards",schemaPath:"#/properties/spec/properties/guards/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.guards.type,parentSchema:schema33.properties.spec.properties.guards,data:data41};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data5.coverage !== undefined){
let data46 = data5.coverage;
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
for(const key13 in data46){
if(!(key13 === "gaps")){
const err133 = {instancePath:instancePath+"/spec/coverage",schemaPath:"#/properties/spec/properties/coverage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.coverage,data:data46};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data46.gaps !== undefined){
let data47 = data46.gaps;
if(!(((data47 === "off") || (data47 === "warn")) || (data47 === "error"))){
const err134 = {instancePath:instancePath+"/spec/coverage/gaps",schemaPath:"#/properties/spec/properties/coverage/properties/gaps/enum",keyword:"enum",params:{allowedValues: schema33.properties.spec.properties.coverage.properties.gaps.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.spec.properties.coverage.properties.gaps.enum,parentSchema:schema33.properties.spec.properties.coverage.properties.gaps,data:data47};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
}
else {
const err135 = {instancePath:instancePath+"/spec/coverage",schemaPath:"#/properties/spec/properties/coverage/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.coverage.type,parentSchema:schema33.properties.spec.properties.coverage,data:data46};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data5.shards !== undefined){
let data48 = data5.shards;
if(data48 && typeof data48 == "object" && !Array.isArray(data48)){
if(Object.keys(data48).length > 100){
const err136 = {instancePath:instancePath+"/spec/shards",schemaPath:"#/properties/spec/properties/shards/maxProperties",keyword:"maxProperties",params:{limit: 100},message:"must NOT have more than 100 properties",schema:100,parentSchema:schema33.properties.spec.properties.shards,data:data48};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
for(const key14 in data48){
const _errs116 = errors;
if(typeof key14 === "string"){
if(!pattern4.test(key14)){
const err137 = {instancePath:instancePath+"/spec/shards",schemaPath:"#/properties/spec/properties/shards/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33.properties.spec.properties.shards.propertyNames,data:key14,propertyName:key14};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
if(!(formats0.validate(key14))){
const err138 = {instancePath:instancePath+"/spec/shards",schemaPath:"#/properties/spec/properties/shards/propertyNames/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema33.properties.spec.properties.shards.propertyNames,data:key14,propertyName:key14};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
var valid34 = _errs116 === errors;
if(!valid34){
const err139 = {instancePath:instancePath+"/spec/shards",schemaPath:"#/properties/spec/properties/shards/propertyNames",keyword:"propertyNames",params:{propertyName: key14},message:"property name must be valid",schema:schema33.properties.spec.properties.shards.propertyNames,parentSchema:schema33.properties.spec.properties.shards,data:data48};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
for(const key15 in data48){
let data49 = data48[key15];
if(Array.isArray(data49)){
if(data49.length > 100){
const err140 = {instancePath:instancePath+"/spec/shards/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/shards/additionalProperties/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema33.properties.spec.properties.shards.additionalProperties,data:data49};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
if(data49.length < 1){
const err141 = {instancePath:instancePath+"/spec/shards/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/shards/additionalProperties/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33.properties.spec.properties.shards.additionalProperties,data:data49};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
const len4 = data49.length;
for(let i7=0; i7<len4; i7++){
let data50 = data49[i7];
if(typeof data50 === "string"){
if(func1(data50) > 200){
const err142 = {instancePath:instancePath+"/spec/shards/" + key15.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i7,schemaPath:"#/properties/spec/properties/shards/additionalProperties/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema33.properties.spec.properties.shards.additionalProperties.items,data:data50};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
if(func1(data50) < 1){
const err143 = {instancePath:instancePath+"/spec/shards/" + key15.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i7,schemaPath:"#/properties/spec/properties/shards/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33.properties.spec.properties.shards.additionalProperties.items,data:data50};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
else {
const err144 = {instancePath:instancePath+"/spec/shards/" + key15.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i7,schemaPath:"#/properties/spec/properties/shards/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.shards.additionalProperties.items.type,parentSchema:schema33.properties.spec.properties.shards.additionalProperties.items,data:data50};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
}
else {
const err145 = {instancePath:instancePath+"/spec/shards/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/shards/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.spec.properties.shards.additionalProperties.type,parentSchema:schema33.properties.spec.properties.shards.additionalProperties,data:data49};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
}
else {
const err146 = {instancePath:instancePath+"/spec/shards",schemaPath:"#/properties/spec/properties/shards/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.shards.type,parentSchema:schema33.properties.spec.properties.shards,data:data48};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
if(data5.paths !== undefined){
let data51 = data5.paths;
if(data51 && typeof data51 == "object" && !Array.isArray(data51)){
for(const key16 in data51){
if(!(((((key16 === "profiles") || (key16 === "rotations")) || (key16 === "requests")) || (key16 === "identities")) || (key16 === "state"))){
const err147 = {instancePath:instancePath+"/spec/paths",schemaPath:"#/properties/spec/properties/paths/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.spec.properties.paths,data:data51};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
if(data51.profiles !== undefined){
let data52 = data51.profiles;
if(typeof data52 === "string"){
if(!pattern45.test(data52)){
const err148 = {instancePath:instancePath+"/spec/paths/profiles",schemaPath:"#/properties/spec/properties/paths/properties/profiles/pattern",keyword:"pattern",params:{pattern: "^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},message:"must match pattern \""+"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"+"\"",schema:"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$",parentSchema:schema33.properties.spec.properties.paths.properties.profiles,data:data52};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
if(!(formats76.validate(data52))){
const err149 = {instancePath:instancePath+"/spec/paths/profiles",schemaPath:"#/properties/spec/properties/paths/properties/profiles/format",keyword:"format",params:{format: "oncall-access-relative-path"},message:"must match format \""+"oncall-access-relative-path"+"\"",schema:"oncall-access-relative-path",parentSchema:schema33.properties.spec.properties.paths.properties.profiles,data:data52};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
else {
const err150 = {instancePath:instancePath+"/spec/paths/profiles",schemaPath:"#/properties/spec/properties/paths/properties/profiles/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.paths.properties.profiles.type,parentSchema:schema33.properties.spec.properties.paths.properties.profiles,data:data52};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
if(data51.rotations !== undefined){
let data53 = data51.rotations;
if(typeof data53 === "string"){
if(!pattern45.test(data53)){
const err151 = {instancePath:instancePath+"/spec/paths/rotations",schemaPath:"#/properties/spec/properties/paths/properties/rotations/pattern",keyword:"pattern",params:{pattern: "^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},message:"must match pattern \""+"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"+"\"",schema:"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$",parentSchema:schema33.properties.spec.properties.paths.properties.rotations,data:data53};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
if(!(formats76.validate(data53))){
const err152 = {instancePath:instancePath+"/spec/paths/rotations",schemaPath:"#/properties/spec/properties/paths/properties/rotations/format",keyword:"format",params:{format: "oncall-access-relative-path"},message:"must match format \""+"oncall-access-relative-path"+"\"",schema:"oncall-access-relative-path",parentSchema:schema33.properties.spec.properties.paths.properties.rotations,data:data53};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
else {
const err153 = {instancePath:instancePath+"/spec/paths/rotations",schemaPath:"#/properties/spec/properties/paths/properties/rotations/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.paths.properties.rotations.type,parentSchema:schema33.properties.spec.properties.paths.properties.rotations,data:data53};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
if(data51.requests !== undefined){
let data54 = data51.requests;
if(typeof data54 === "string"){
if(!pattern45.test(data54)){
const err154 = {instancePath:instancePath+"/spec/paths/requests",schemaPath:"#/properties/spec/properties/paths/properties/requests/pattern",keyword:"pattern",params:{pattern: "^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},message:"must match pattern \""+"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"+"\"",schema:"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$",parentSchema:schema33.properties.spec.properties.paths.properties.requests,data:data54};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
if(!(formats76.validate(data54))){
const err155 = {instancePath:instancePath+"/spec/paths/requests",schemaPath:"#/properties/spec/properties/paths/properties/requests/format",keyword:"format",params:{format: "oncall-access-relative-path"},message:"must match format \""+"oncall-access-relative-path"+"\"",schema:"oncall-access-relative-path",parentSchema:schema33.properties.spec.properties.paths.properties.requests,data:data54};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
else {
const err156 = {instancePath:instancePath+"/spec/paths/requests",schemaPath:"#/properties/spec/properties/paths/properties/requests/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.paths.properties.requests.type,parentSchema:schema33.properties.spec.properties.paths.properties.requests,data:data54};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data51.identities !== undefined){
let data55 = data51.identities;
if(typeof data55 === "string"){
if(!pattern45.test(data55)){
const err157 = {instancePath:instancePath+"/spec/paths/identities",schemaPath:"#/properties/spec/properties/paths/properties/identities/pattern",keyword:"pattern",params:{pattern: "^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},message:"must match pattern \""+"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"+"\"",schema:"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$",parentSchema:schema33.properties.spec.properties.paths.properties.identities,data:data55};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
if(!(formats76.validate(data55))){
const err158 = {instancePath:instancePath+"/spec/paths/identities",schemaPath:"#/properties/spec/properties/paths/properties/identities/format",keyword:"format",params:{format: "oncall-access-relative-path"},message:"must match format \""+"oncall-access-relative-path"+"\"",schema:"oncall-access-relative-path",parentSchema:schema33.properties.spec.properties.paths.properties.identities,data:data55};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
else {
const err159 = {instancePath:instancePath+"/spec/paths/identities",schemaPath:"#/properties/spec/properties/paths/properties/identities/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.paths.properties.identities.type,parentSchema:schema33.properties.spec.properties.paths.properties.identities,data:data55};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
if(data51.state !== undefined){
let data56 = data51.state;
if(typeof data56 === "string"){
if(!pattern45.test(data56)){
const err160 = {instancePath:instancePath+"/spec/paths/state",schemaPath:"#/properties/spec/properties/paths/properties/state/pattern",keyword:"pattern",params:{pattern: "^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"},message:"must match pattern \""+"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$"+"\"",schema:"^(?!\\/)(?!(?:[\\s\\S]*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\x00-\\x1f]{1,255}$",parentSchema:schema33.properties.spec.properties.paths.properties.state,data:data56};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
if(!(formats76.validate(data56))){
const err161 = {instancePath:instancePath+"/spec/paths/state",schemaPath:"#/properties/spec/properties/paths/properties/state/format",keyword:"format",params:{format: "oncall-access-relative-path"},message:"must match format \""+"oncall-access-relative-path"+"\"",schema:"oncall-access-relative-path",parentSchema:schema33.properties.spec.properties.paths.properties.state,data:data56};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
else {
const err162 = {instancePath:instancePath+"/spec/paths/state",schemaPath:"#/properties/spec/properties/paths/properties/state/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.spec.properties.paths.properties.state.type,parentSchema:schema33.properties.spec.properties.paths.properties.state,data:data56};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
}
else {
const err163 = {instancePath:instancePath+"/spec/paths",schemaPath:"#/properties/spec/properties/paths/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.properties.paths.type,parentSchema:schema33.properties.spec.properties.paths,data:data51};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
}
else {
const err164 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.spec.type,parentSchema:schema33.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
}
else {
const err165 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const identities = validate23;
const schema34 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/identities.schema.json","title":"oncall-access Identities","description":"Explicit map from the email a source knows a person by to their GitHub login.","type":"object","additionalProperties":false,"required":["apiVersion","kind","spec"],"properties":{"apiVersion":{"description":"Version of the oncall-access file format.","const":"oncall-access/v1"},"kind":{"description":"What this document declares.","const":"Identities"},"metadata":{"description":"Optional name and description.","type":"object","additionalProperties":false,"properties":{"name":{"description":"A name for this map.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"description":{"description":"What this map covers.","type":"string","maxLength":500}}},"spec":{"description":"The map.","type":"object","additionalProperties":false,"required":["identities"],"properties":{"identities":{"description":"Email to GitHub login pairs, each optionally with the Atlassian account id a jsm source names the person by.","type":"array","maxItems":100000,"items":{"description":"One person.","type":"object","additionalProperties":false,"required":["email"],"anyOf":[{"required":["github"]},{"required":["slack"]},{"required":["okta"]}],"properties":{"email":{"description":"The email the on-call source knows the person by.","type":"string","format":"email","pattern":"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"},"github":{"description":"The person's GitHub login.","type":"string","format":"oncall-access-login","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},"slack":{"description":"The person's Slack user id (U...), when the workspace's directory should not be asked.","type":"string","format":"oncall-access-slack-user-id","pattern":"^[UW][A-Z0-9]{8,19}$"},"okta":{"description":"The person's Okta login (usually their email).","type":"string","format":"oncall-access-account","pattern":"^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$"},"accountId":{"description":"The person's Atlassian account id, for a jsm source: their shifts are this entry's email even when their Atlassian profile hides it.","type":"string","format":"oncall-access-account-id","pattern":"^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$"}}}}}}}};
const formats92 = FORMATS["oncall-access-slack-user-id"];
const formats94 = FORMATS["oncall-access-account"];
const formats96 = FORMATS["oncall-access-account-id"];
const pattern53 = new RegExp("^[UW][A-Z0-9]{8,19}$", "u");
const pattern54 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$", "u");
const pattern55 = new RegExp("^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$", "u");

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/identities.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.spec === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("oncall-access/v1" !== data0){
const err4 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "oncall-access/v1"},message:"must be equal to constant",schema:"oncall-access/v1",parentSchema:schema34.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Identities" !== data1){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Identities"},message:"must be equal to constant",schema:"Identities",parentSchema:schema34.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!((key1 === "name") || (key1 === "description"))){
const err6 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err7 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!(formats0.validate(data3))){
const err8 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema34.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.metadata.properties.name.type,parentSchema:schema34.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.description !== undefined){
let data4 = data2.description;
if(typeof data4 === "string"){
if(func1(data4) > 500){
const err10 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema34.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.metadata.properties.description.type,parentSchema:schema34.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.metadata.type,parentSchema:schema34.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.spec !== undefined){
let data5 = data.spec;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.identities === undefined){
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "identities"},message:"must have required property '"+"identities"+"'",schema:schema34.properties.spec.required,parentSchema:schema34.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
for(const key2 in data5){
if(!(key2 === "identities")){
const err14 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.identities !== undefined){
let data6 = data5.identities;
if(Array.isArray(data6)){
if(data6.length > 100000){
const err15 = {instancePath:instancePath+"/spec/identities",schemaPath:"#/properties/spec/properties/identities/maxItems",keyword:"maxItems",params:{limit: 100000},message:"must NOT have more than 100000 items",schema:100000,parentSchema:schema34.properties.spec.properties.identities,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
const _errs18 = errors;
let valid5 = false;
const _errs19 = errors;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.github === undefined){
const err16 = {instancePath:instancePath+"/spec/identities/" + i0,schemaPath:"#/properties/spec/properties/identities/items/anyOf/0/required",keyword:"required",params:{missingProperty: "github"},message:"must have required property '"+"github"+"'",schema:schema34.properties.spec.properties.identities.items.anyOf[0].required,parentSchema:schema34.properties.spec.properties.identities.items.anyOf[0],data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid0 = _errs19 === errors;
valid5 = valid5 || _valid0;
const _errs20 = errors;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.slack === undefined){
const err17 = {instancePath:instancePath+"/spec/identities/" + i0,schemaPath:"#/properties/spec/properties/identities/items/anyOf/1/required",keyword:"required",params:{missingProperty: "slack"},message:"must have required property '"+"slack"+"'",schema:schema34.properties.spec.properties.identities.items.anyOf[1].required,parentSchema:schema34.properties.spec.properties.identities.items.anyOf[1],data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var _valid0 = _errs20 === errors;
valid5 = valid5 || _valid0;
const _errs21 = errors;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.okta === undefined){
const err18 = {instancePath:instancePath+"/spec/identities/" + i0,schemaPath:"#/properties/spec/properties/identities/items/anyOf/2/required",keyword:"required",params:{missingProperty: "okta"},message:"must have required property '"+"okta"+"'",schema:schema34.properties.spec.properties.identities.items.anyOf[2].required,parentSchema:schema34.properties.spec.properties.identities.items.anyOf[2],data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var _valid0 = _errs21 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const err19 = {instancePath:instancePath+"/spec/identities/" + i0,schemaPath:"#/properties/spec/properties/identities/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema34.properties.spec.properties.identities.items.anyOf,parentSchema:schema34.properties.spec.properties.identities.items,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
errors = _errs18;
if(vErrors !== null){
if(_errs18){
vErrors.length = _errs18;
}
else {
vErrors = null;
}
}
}
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.email === undefined){
const err20 = {instancePath:instancePath+"/spec/identities/" + i0,schemaPath:"#/properties/spec/properties/identities/items/required",keyword:"required",params:{missingProperty: "email"},message:"must have required property '"+"email"+"'",schema:schema34.properties.spec.properties.identities.items.required,parentSchema:schema34.properties.spec.properties.identities.items,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key3 in data7){
if(!(((((key3 === "email") || (key3 === "github")) || (key3 === "slack")) || (key3 === "okta")) || (key3 === "accountId"))){
const err21 = {instancePath:instancePath+"/spec/identities/" + i0,schemaPath:"#/properties/spec/properties/identities/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.spec.properties.identities.items,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.email !== undefined){
let data8 = data7.email;
if(typeof data8 === "string"){
if(!pattern14.test(data8)){
const err22 = {instancePath:instancePath+"/spec/identities/" + i0+"/email",schemaPath:"#/properties/spec/properties/identities/items/properties/email/pattern",keyword:"pattern",params:{pattern: "^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"},message:"must match pattern \""+"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"+"\"",schema:"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$",parentSchema:schema34.properties.spec.properties.identities.items.properties.email,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(!(formats20.validate(data8))){
const err23 = {instancePath:instancePath+"/spec/identities/" + i0+"/email",schemaPath:"#/properties/spec/properties/identities/items/properties/email/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\"",schema:"email",parentSchema:schema34.properties.spec.properties.identities.items.properties.email,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/spec/identities/" + i0+"/email",schemaPath:"#/properties/spec/properties/identities/items/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.identities.items.properties.email.type,parentSchema:schema34.properties.spec.properties.identities.items.properties.email,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.github !== undefined){
let data9 = data7.github;
if(typeof data9 === "string"){
if(!pattern5.test(data9)){
const err25 = {instancePath:instancePath+"/spec/identities/" + i0+"/github",schemaPath:"#/properties/spec/properties/identities/items/properties/github/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema34.properties.spec.properties.identities.items.properties.github,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(!(formats2.validate(data9))){
const err26 = {instancePath:instancePath+"/spec/identities/" + i0+"/github",schemaPath:"#/properties/spec/properties/identities/items/properties/github/format",keyword:"format",params:{format: "oncall-access-login"},message:"must match format \""+"oncall-access-login"+"\"",schema:"oncall-access-login",parentSchema:schema34.properties.spec.properties.identities.items.properties.github,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/spec/identities/" + i0+"/github",schemaPath:"#/properties/spec/properties/identities/items/properties/github/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.identities.items.properties.github.type,parentSchema:schema34.properties.spec.properties.identities.items.properties.github,data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data7.slack !== undefined){
let data10 = data7.slack;
if(typeof data10 === "string"){
if(!pattern53.test(data10)){
const err28 = {instancePath:instancePath+"/spec/identities/" + i0+"/slack",schemaPath:"#/properties/spec/properties/identities/items/properties/slack/pattern",keyword:"pattern",params:{pattern: "^[UW][A-Z0-9]{8,19}$"},message:"must match pattern \""+"^[UW][A-Z0-9]{8,19}$"+"\"",schema:"^[UW][A-Z0-9]{8,19}$",parentSchema:schema34.properties.spec.properties.identities.items.properties.slack,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(!(formats92.validate(data10))){
const err29 = {instancePath:instancePath+"/spec/identities/" + i0+"/slack",schemaPath:"#/properties/spec/properties/identities/items/properties/slack/format",keyword:"format",params:{format: "oncall-access-slack-user-id"},message:"must match format \""+"oncall-access-slack-user-id"+"\"",schema:"oncall-access-slack-user-id",parentSchema:schema34.properties.spec.properties.identities.items.properties.slack,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/spec/identities/" + i0+"/slack",schemaPath:"#/properties/spec/properties/identities/items/properties/slack/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.identities.items.properties.slack.type,parentSchema:schema34.properties.spec.properties.identities.items.properties.slack,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data7.okta !== undefined){
let data11 = data7.okta;
if(typeof data11 === "string"){
if(!pattern54.test(data11)){
const err31 = {instancePath:instancePath+"/spec/identities/" + i0+"/okta",schemaPath:"#/properties/spec/properties/identities/items/properties/okta/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$",parentSchema:schema34.properties.spec.properties.identities.items.properties.okta,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!(formats94.validate(data11))){
const err32 = {instancePath:instancePath+"/spec/identities/" + i0+"/okta",schemaPath:"#/properties/spec/properties/identities/items/properties/okta/format",keyword:"format",params:{format: "oncall-access-account"},message:"must match format \""+"oncall-access-account"+"\"",schema:"oncall-access-account",parentSchema:schema34.properties.spec.properties.identities.items.properties.okta,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/spec/identities/" + i0+"/okta",schemaPath:"#/properties/spec/properties/identities/items/properties/okta/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.identities.items.properties.okta.type,parentSchema:schema34.properties.spec.properties.identities.items.properties.okta,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data7.accountId !== undefined){
let data12 = data7.accountId;
if(typeof data12 === "string"){
if(!pattern55.test(data12)){
const err34 = {instancePath:instancePath+"/spec/identities/" + i0+"/accountId",schemaPath:"#/properties/spec/properties/identities/items/properties/accountId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$",parentSchema:schema34.properties.spec.properties.identities.items.properties.accountId,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(!(formats96.validate(data12))){
const err35 = {instancePath:instancePath+"/spec/identities/" + i0+"/accountId",schemaPath:"#/properties/spec/properties/identities/items/properties/accountId/format",keyword:"format",params:{format: "oncall-access-account-id"},message:"must match format \""+"oncall-access-account-id"+"\"",schema:"oncall-access-account-id",parentSchema:schema34.properties.spec.properties.identities.items.properties.accountId,data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/spec/identities/" + i0+"/accountId",schemaPath:"#/properties/spec/properties/identities/items/properties/accountId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.spec.properties.identities.items.properties.accountId.type,parentSchema:schema34.properties.spec.properties.identities.items.properties.accountId,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/spec/identities/" + i0,schemaPath:"#/properties/spec/properties/identities/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.properties.identities.items.type,parentSchema:schema34.properties.spec.properties.identities.items,data:data7};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/spec/identities",schemaPath:"#/properties/spec/properties/identities/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.spec.properties.identities.type,parentSchema:schema34.properties.spec.properties.identities,data:data6};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.spec.type,parentSchema:schema34.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const rotation = validate24;
const schema35 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/rotation.schema.json","title":"oncall-access Rotation","description":"An on-call rotation kept in git, for teams without a pager platform (source type: rotations).","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"description":"Version of the oncall-access file format.","const":"oncall-access/v1"},"kind":{"description":"What this document declares.","const":"Rotation"},"metadata":{"description":"Name and description of the rotation.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Unique name of the rotation; profiles bind it with `rotation: NAME`.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"description":{"description":"What the rotation covers.","type":"string","maxLength":500}}},"spec":{"description":"Who is on call when.","type":"object","additionalProperties":false,"required":["timeZone","shiftLength","firstHandoff","members"],"properties":{"timeZone":{"description":"IANA time zone of the handoff wall time (e.g. Europe/Berlin); whole-day shifts keep their local handoff time across DST.","type":"string","format":"oncall-access-time-zone","pattern":"^[A-Za-z][A-Za-z0-9_+/-]{0,99}$"},"shiftLength":{"description":"Length of one shift (e.g. 1w, 1d, 12h).","type":"string","format":"oncall-access-duration","pattern":"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},"firstHandoff":{"description":"When the first member's first shift starts: a wall time in timeZone (2026-11-02T09:00) or an instant with Z or an offset.","type":"string","format":"oncall-access-date-time-local","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"},"members":{"description":"Emails of the people in the rotation, in order.","type":"array","minItems":1,"maxItems":500,"items":{"description":"A person's email.","type":"string","format":"email","pattern":"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"}},"overrides":{"description":"Dated replacements: someone covers for someone else.","type":"array","maxItems":1000,"items":{"description":"One replacement.","type":"object","additionalProperties":false,"required":["member","from","to"],"properties":{"member":{"description":"Email of the person on call instead.","type":"string","format":"email","pattern":"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"},"covers":{"description":"Email of the person being covered; when absent, whoever is on call is covered.","type":"string","format":"email","pattern":"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"},"from":{"description":"Start of the replacement (wall time in timeZone, or instant).","type":"string","format":"oncall-access-date-time-local","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"},"to":{"description":"End of the replacement (wall time in timeZone, or instant).","type":"string","format":"oncall-access-date-time-local","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"}}}}}}}};
const formats100 = FORMATS["oncall-access-time-zone"];
const formats104 = FORMATS["oncall-access-date-time-local"];
const pattern57 = new RegExp("^[A-Za-z][A-Za-z0-9_+/-]{0,99}$", "u");
const pattern59 = new RegExp("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$", "u");

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/rotation.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("oncall-access/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "oncall-access/v1"},message:"must be equal to constant",schema:"oncall-access/v1",parentSchema:schema35.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Rotation" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Rotation"},message:"must be equal to constant",schema:"Rotation",parentSchema:schema35.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema35.properties.metadata.required,parentSchema:schema35.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data2){
if(!((key1 === "name") || (key1 === "description"))){
const err8 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema35.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(formats0.validate(data3))){
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema35.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.metadata.properties.name.type,parentSchema:schema35.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.description !== undefined){
let data4 = data2.description;
if(typeof data4 === "string"){
if(func1(data4) > 500){
const err12 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema35.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/properties/metadata/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.metadata.properties.description.type,parentSchema:schema35.properties.metadata.properties.description,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.metadata.type,parentSchema:schema35.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.spec !== undefined){
let data5 = data.spec;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.timeZone === undefined){
const err15 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "timeZone"},message:"must have required property '"+"timeZone"+"'",schema:schema35.properties.spec.required,parentSchema:schema35.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data5.shiftLength === undefined){
const err16 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "shiftLength"},message:"must have required property '"+"shiftLength"+"'",schema:schema35.properties.spec.required,parentSchema:schema35.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data5.firstHandoff === undefined){
const err17 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "firstHandoff"},message:"must have required property '"+"firstHandoff"+"'",schema:schema35.properties.spec.required,parentSchema:schema35.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data5.members === undefined){
const err18 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "members"},message:"must have required property '"+"members"+"'",schema:schema35.properties.spec.required,parentSchema:schema35.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
for(const key2 in data5){
if(!(((((key2 === "timeZone") || (key2 === "shiftLength")) || (key2 === "firstHandoff")) || (key2 === "members")) || (key2 === "overrides"))){
const err19 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data5.timeZone !== undefined){
let data6 = data5.timeZone;
if(typeof data6 === "string"){
if(!pattern57.test(data6)){
const err20 = {instancePath:instancePath+"/spec/timeZone",schemaPath:"#/properties/spec/properties/timeZone/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_+/-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_+/-]{0,99}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_+/-]{0,99}$",parentSchema:schema35.properties.spec.properties.timeZone,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!(formats100.validate(data6))){
const err21 = {instancePath:instancePath+"/spec/timeZone",schemaPath:"#/properties/spec/properties/timeZone/format",keyword:"format",params:{format: "oncall-access-time-zone"},message:"must match format \""+"oncall-access-time-zone"+"\"",schema:"oncall-access-time-zone",parentSchema:schema35.properties.spec.properties.timeZone,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/spec/timeZone",schemaPath:"#/properties/spec/properties/timeZone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.timeZone.type,parentSchema:schema35.properties.spec.properties.timeZone,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data5.shiftLength !== undefined){
let data7 = data5.shiftLength;
if(typeof data7 === "string"){
if(!pattern6.test(data7)){
const err23 = {instancePath:instancePath+"/spec/shiftLength",schemaPath:"#/properties/spec/properties/shiftLength/pattern",keyword:"pattern",params:{pattern: "^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"},message:"must match pattern \""+"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$"+"\"",schema:"^(?=\\d)(?:\\d{1,9}w)?(?:\\d{1,9}d)?(?:\\d{1,9}h)?(?:\\d{1,9}m)?(?:\\d{1,9}s)?$",parentSchema:schema35.properties.spec.properties.shiftLength,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!(formats4.validate(data7))){
const err24 = {instancePath:instancePath+"/spec/shiftLength",schemaPath:"#/properties/spec/properties/shiftLength/format",keyword:"format",params:{format: "oncall-access-duration"},message:"must match format \""+"oncall-access-duration"+"\"",schema:"oncall-access-duration",parentSchema:schema35.properties.spec.properties.shiftLength,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/spec/shiftLength",schemaPath:"#/properties/spec/properties/shiftLength/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.shiftLength.type,parentSchema:schema35.properties.spec.properties.shiftLength,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data5.firstHandoff !== undefined){
let data8 = data5.firstHandoff;
if(typeof data8 === "string"){
if(!pattern59.test(data8)){
const err26 = {instancePath:instancePath+"/spec/firstHandoff",schemaPath:"#/properties/spec/properties/firstHandoff/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$",parentSchema:schema35.properties.spec.properties.firstHandoff,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!(formats104.validate(data8))){
const err27 = {instancePath:instancePath+"/spec/firstHandoff",schemaPath:"#/properties/spec/properties/firstHandoff/format",keyword:"format",params:{format: "oncall-access-date-time-local"},message:"must match format \""+"oncall-access-date-time-local"+"\"",schema:"oncall-access-date-time-local",parentSchema:schema35.properties.spec.properties.firstHandoff,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/spec/firstHandoff",schemaPath:"#/properties/spec/properties/firstHandoff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.firstHandoff.type,parentSchema:schema35.properties.spec.properties.firstHandoff,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data5.members !== undefined){
let data9 = data5.members;
if(Array.isArray(data9)){
if(data9.length > 500){
const err29 = {instancePath:instancePath+"/spec/members",schemaPath:"#/properties/spec/properties/members/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items",schema:500,parentSchema:schema35.properties.spec.properties.members,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data9.length < 1){
const err30 = {instancePath:instancePath+"/spec/members",schemaPath:"#/properties/spec/properties/members/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema35.properties.spec.properties.members,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
if(typeof data10 === "string"){
if(!pattern14.test(data10)){
const err31 = {instancePath:instancePath+"/spec/members/" + i0,schemaPath:"#/properties/spec/properties/members/items/pattern",keyword:"pattern",params:{pattern: "^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"},message:"must match pattern \""+"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"+"\"",schema:"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$",parentSchema:schema35.properties.spec.properties.members.items,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!(formats20.validate(data10))){
const err32 = {instancePath:instancePath+"/spec/members/" + i0,schemaPath:"#/properties/spec/properties/members/items/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\"",schema:"email",parentSchema:schema35.properties.spec.properties.members.items,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/spec/members/" + i0,schemaPath:"#/properties/spec/properties/members/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.members.items.type,parentSchema:schema35.properties.spec.properties.members.items,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/spec/members",schemaPath:"#/properties/spec/properties/members/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.members.type,parentSchema:schema35.properties.spec.properties.members,data:data9};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data5.overrides !== undefined){
let data11 = data5.overrides;
if(Array.isArray(data11)){
if(data11.length > 1000){
const err35 = {instancePath:instancePath+"/spec/overrides",schemaPath:"#/properties/spec/properties/overrides/maxItems",keyword:"maxItems",params:{limit: 1000},message:"must NOT have more than 1000 items",schema:1000,parentSchema:schema35.properties.spec.properties.overrides,data:data11};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.member === undefined){
const err36 = {instancePath:instancePath+"/spec/overrides/" + i1,schemaPath:"#/properties/spec/properties/overrides/items/required",keyword:"required",params:{missingProperty: "member"},message:"must have required property '"+"member"+"'",schema:schema35.properties.spec.properties.overrides.items.required,parentSchema:schema35.properties.spec.properties.overrides.items,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data12.from === undefined){
const err37 = {instancePath:instancePath+"/spec/overrides/" + i1,schemaPath:"#/properties/spec/properties/overrides/items/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema35.properties.spec.properties.overrides.items.required,parentSchema:schema35.properties.spec.properties.overrides.items,data:data12};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data12.to === undefined){
const err38 = {instancePath:instancePath+"/spec/overrides/" + i1,schemaPath:"#/properties/spec/properties/overrides/items/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema35.properties.spec.properties.overrides.items.required,parentSchema:schema35.properties.spec.properties.overrides.items,data:data12};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
for(const key3 in data12){
if(!((((key3 === "member") || (key3 === "covers")) || (key3 === "from")) || (key3 === "to"))){
const err39 = {instancePath:instancePath+"/spec/overrides/" + i1,schemaPath:"#/properties/spec/properties/overrides/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema35.properties.spec.properties.overrides.items,data:data12};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data12.member !== undefined){
let data13 = data12.member;
if(typeof data13 === "string"){
if(!pattern14.test(data13)){
const err40 = {instancePath:instancePath+"/spec/overrides/" + i1+"/member",schemaPath:"#/properties/spec/properties/overrides/items/properties/member/pattern",keyword:"pattern",params:{pattern: "^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"},message:"must match pattern \""+"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"+"\"",schema:"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$",parentSchema:schema35.properties.spec.properties.overrides.items.properties.member,data:data13};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(!(formats20.validate(data13))){
const err41 = {instancePath:instancePath+"/spec/overrides/" + i1+"/member",schemaPath:"#/properties/spec/properties/overrides/items/properties/member/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\"",schema:"email",parentSchema:schema35.properties.spec.properties.overrides.items.properties.member,data:data13};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/spec/overrides/" + i1+"/member",schemaPath:"#/properties/spec/properties/overrides/items/properties/member/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.overrides.items.properties.member.type,parentSchema:schema35.properties.spec.properties.overrides.items.properties.member,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data12.covers !== undefined){
let data14 = data12.covers;
if(typeof data14 === "string"){
if(!pattern14.test(data14)){
const err43 = {instancePath:instancePath+"/spec/overrides/" + i1+"/covers",schemaPath:"#/properties/spec/properties/overrides/items/properties/covers/pattern",keyword:"pattern",params:{pattern: "^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"},message:"must match pattern \""+"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"+"\"",schema:"^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$",parentSchema:schema35.properties.spec.properties.overrides.items.properties.covers,data:data14};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(!(formats20.validate(data14))){
const err44 = {instancePath:instancePath+"/spec/overrides/" + i1+"/covers",schemaPath:"#/properties/spec/properties/overrides/items/properties/covers/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\"",schema:"email",parentSchema:schema35.properties.spec.properties.overrides.items.properties.covers,data:data14};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/spec/overrides/" + i1+"/covers",schemaPath:"#/properties/spec/properties/overrides/items/properties/covers/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.overrides.items.properties.covers.type,parentSchema:schema35.properties.spec.properties.overrides.items.properties.covers,data:data14};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data12.from !== undefined){
let data15 = data12.from;
if(typeof data15 === "string"){
if(!pattern59.test(data15)){
const err46 = {instancePath:instancePath+"/spec/overrides/" + i1+"/from",schemaPath:"#/properties/spec/properties/overrides/items/properties/from/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$",parentSchema:schema35.properties.spec.properties.overrides.items.properties.from,data:data15};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(!(formats104.validate(data15))){
const err47 = {instancePath:instancePath+"/spec/overrides/" + i1+"/from",schemaPath:"#/properties/spec/properties/overrides/items/properties/from/format",keyword:"format",params:{format: "oncall-access-date-time-local"},message:"must match format \""+"oncall-access-date-time-local"+"\"",schema:"oncall-access-date-time-local",parentSchema:schema35.properties.spec.properties.overrides.items.properties.from,data:data15};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
else {
const err48 = {instancePath:instancePath+"/spec/overrides/" + i1+"/from",schemaPath:"#/properties/spec/properties/overrides/items/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.overrides.items.properties.from.type,parentSchema:schema35.properties.spec.properties.overrides.items.properties.from,data:data15};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data12.to !== undefined){
let data16 = data12.to;
if(typeof data16 === "string"){
if(!pattern59.test(data16)){
const err49 = {instancePath:instancePath+"/spec/overrides/" + i1+"/to",schemaPath:"#/properties/spec/properties/overrides/items/properties/to/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?$",parentSchema:schema35.properties.spec.properties.overrides.items.properties.to,data:data16};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(!(formats104.validate(data16))){
const err50 = {instancePath:instancePath+"/spec/overrides/" + i1+"/to",schemaPath:"#/properties/spec/properties/overrides/items/properties/to/format",keyword:"format",params:{format: "oncall-access-date-time-local"},message:"must match format \""+"oncall-access-date-time-local"+"\"",schema:"oncall-access-date-time-local",parentSchema:schema35.properties.spec.properties.overrides.items.properties.to,data:data16};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/spec/overrides/" + i1+"/to",schemaPath:"#/properties/spec/properties/overrides/items/properties/to/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.spec.properties.overrides.items.properties.to.type,parentSchema:schema35.properties.spec.properties.overrides.items.properties.to,data:data16};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/spec/overrides/" + i1,schemaPath:"#/properties/spec/properties/overrides/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.properties.overrides.items.type,parentSchema:schema35.properties.spec.properties.overrides.items,data:data12};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/spec/overrides",schemaPath:"#/properties/spec/properties/overrides/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.spec.properties.overrides.type,parentSchema:schema35.properties.spec.properties.overrides,data:data11};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.spec.type,parentSchema:schema35.properties.spec,data:data5};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const stateAdoptedV1 = validate25;
const schema36 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/state-adopted-v1.schema.json","title":"oncall-access adopted teams, version 1","description":"state/adopted.json as versions before the entitlement format 2 wrote it (GitHub teams only). Still read, and converted: the next apply writes it again as version 2 (state-adopted.schema.json).","type":"object","additionalProperties":false,"required":["formatVersion","teams"],"properties":{"formatVersion":{"description":"Version of the state file format.","const":1},"teams":{"description":"One team per entry, sorted by target, organisation and team.","type":"array","items":{"description":"A team and when it was adopted.","type":"object","additionalProperties":false,"required":["target","org","team","adoptedAt"],"properties":{"target":{"description":"The target's name in the config.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"org":{"description":"The GitHub organisation.","type":"string","format":"oncall-access-login","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},"team":{"description":"The team slug.","type":"string","format":"oncall-access-slug","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},"adoptedAt":{"description":"ISO 8601 instant of the apply that adopted it.","type":"string","format":"oncall-access-instant","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"}}}}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/state-adopted-v1.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.formatVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "formatVersion"},message:"must have required property '"+"formatVersion"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.teams === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "teams"},message:"must have required property '"+"teams"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "formatVersion") || (key0 === "teams"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.formatVersion !== undefined){
let data0 = data.formatVersion;
if(1 !== data0){
const err3 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema36.properties.formatVersion,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.teams !== undefined){
let data1 = data.teams;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.target === undefined){
const err4 = {instancePath:instancePath+"/teams/" + i0,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema36.properties.teams.items.required,parentSchema:schema36.properties.teams.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2.org === undefined){
const err5 = {instancePath:instancePath+"/teams/" + i0,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: "org"},message:"must have required property '"+"org"+"'",schema:schema36.properties.teams.items.required,parentSchema:schema36.properties.teams.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2.team === undefined){
const err6 = {instancePath:instancePath+"/teams/" + i0,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: "team"},message:"must have required property '"+"team"+"'",schema:schema36.properties.teams.items.required,parentSchema:schema36.properties.teams.items,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.adoptedAt === undefined){
const err7 = {instancePath:instancePath+"/teams/" + i0,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: "adoptedAt"},message:"must have required property '"+"adoptedAt"+"'",schema:schema36.properties.teams.items.required,parentSchema:schema36.properties.teams.items,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data2){
if(!((((key1 === "target") || (key1 === "org")) || (key1 === "team")) || (key1 === "adoptedAt"))){
const err8 = {instancePath:instancePath+"/teams/" + i0,schemaPath:"#/properties/teams/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.teams.items,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.target !== undefined){
let data3 = data2.target;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err9 = {instancePath:instancePath+"/teams/" + i0+"/target",schemaPath:"#/properties/teams/items/properties/target/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema36.properties.teams.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(formats0.validate(data3))){
const err10 = {instancePath:instancePath+"/teams/" + i0+"/target",schemaPath:"#/properties/teams/items/properties/target/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema36.properties.teams.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/teams/" + i0+"/target",schemaPath:"#/properties/teams/items/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.teams.items.properties.target.type,parentSchema:schema36.properties.teams.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.org !== undefined){
let data4 = data2.org;
if(typeof data4 === "string"){
if(!pattern5.test(data4)){
const err12 = {instancePath:instancePath+"/teams/" + i0+"/org",schemaPath:"#/properties/teams/items/properties/org/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema36.properties.teams.items.properties.org,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(!(formats2.validate(data4))){
const err13 = {instancePath:instancePath+"/teams/" + i0+"/org",schemaPath:"#/properties/teams/items/properties/org/format",keyword:"format",params:{format: "oncall-access-login"},message:"must match format \""+"oncall-access-login"+"\"",schema:"oncall-access-login",parentSchema:schema36.properties.teams.items.properties.org,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/teams/" + i0+"/org",schemaPath:"#/properties/teams/items/properties/org/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.teams.items.properties.org.type,parentSchema:schema36.properties.teams.items.properties.org,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2.team !== undefined){
let data5 = data2.team;
if(typeof data5 === "string"){
if(!pattern16.test(data5)){
const err15 = {instancePath:instancePath+"/teams/" + i0+"/team",schemaPath:"#/properties/teams/items/properties/team/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",parentSchema:schema36.properties.teams.items.properties.team,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!(formats24.validate(data5))){
const err16 = {instancePath:instancePath+"/teams/" + i0+"/team",schemaPath:"#/properties/teams/items/properties/team/format",keyword:"format",params:{format: "oncall-access-slug"},message:"must match format \""+"oncall-access-slug"+"\"",schema:"oncall-access-slug",parentSchema:schema36.properties.teams.items.properties.team,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/teams/" + i0+"/team",schemaPath:"#/properties/teams/items/properties/team/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.teams.items.properties.team.type,parentSchema:schema36.properties.teams.items.properties.team,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data2.adoptedAt !== undefined){
let data6 = data2.adoptedAt;
if(typeof data6 === "string"){
if(!pattern24.test(data6)){
const err18 = {instancePath:instancePath+"/teams/" + i0+"/adoptedAt",schemaPath:"#/properties/teams/items/properties/adoptedAt/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$",parentSchema:schema36.properties.teams.items.properties.adoptedAt,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!(formats38.validate(data6))){
const err19 = {instancePath:instancePath+"/teams/" + i0+"/adoptedAt",schemaPath:"#/properties/teams/items/properties/adoptedAt/format",keyword:"format",params:{format: "oncall-access-instant"},message:"must match format \""+"oncall-access-instant"+"\"",schema:"oncall-access-instant",parentSchema:schema36.properties.teams.items.properties.adoptedAt,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/teams/" + i0+"/adoptedAt",schemaPath:"#/properties/teams/items/properties/adoptedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.teams.items.properties.adoptedAt.type,parentSchema:schema36.properties.teams.items.properties.adoptedAt,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/teams/" + i0,schemaPath:"#/properties/teams/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.teams.items.type,parentSchema:schema36.properties.teams.items,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/teams",schemaPath:"#/properties/teams/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.teams.type,parentSchema:schema36.properties.teams,data:data1};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const stateAdopted = validate26;
const schema37 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/state-adopted.schema.json","title":"oncall-access adopted teams","description":"state/adopted.json, written by apply: the exclusive entitlements (GitHub teams) this tool has applied to. Until one is here, holders no profile wants and this tool did not grant are kept and listed in the plan (adoption); from then on they are removed. A version 1 file (state-adopted-v1.schema.json) is still read.","type":"object","additionalProperties":false,"required":["formatVersion","entitlements"],"properties":{"formatVersion":{"description":"Version of the state file format.","const":2},"entitlements":{"description":"One entitlement per entry, sorted by target, kind and resource.","type":"array","items":{"description":"An entitlement and when it was adopted.","type":"object","additionalProperties":false,"required":["target","kind","resource","adoptedAt"],"properties":{"target":{"description":"The target's name in the config.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"kind":{"description":"The kind of entitlement, as its target declares it (GitHub: team).","type":"string","minLength":1,"maxLength":63},"resource":{"description":"The entitlement, in the target's words (GitHub: org/team-slug).","type":"string","minLength":1,"maxLength":300},"adoptedAt":{"description":"ISO 8601 instant of the apply that adopted it.","type":"string","format":"oncall-access-instant","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"}}}}}};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/state-adopted.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.formatVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "formatVersion"},message:"must have required property '"+"formatVersion"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.entitlements === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "entitlements"},message:"must have required property '"+"entitlements"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "formatVersion") || (key0 === "entitlements"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.formatVersion !== undefined){
let data0 = data.formatVersion;
if(2 !== data0){
const err3 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/const",keyword:"const",params:{allowedValue: 2},message:"must be equal to constant",schema:2,parentSchema:schema37.properties.formatVersion,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.entitlements !== undefined){
let data1 = data.entitlements;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.target === undefined){
const err4 = {instancePath:instancePath+"/entitlements/" + i0,schemaPath:"#/properties/entitlements/items/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema37.properties.entitlements.items.required,parentSchema:schema37.properties.entitlements.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2.kind === undefined){
const err5 = {instancePath:instancePath+"/entitlements/" + i0,schemaPath:"#/properties/entitlements/items/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema37.properties.entitlements.items.required,parentSchema:schema37.properties.entitlements.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2.resource === undefined){
const err6 = {instancePath:instancePath+"/entitlements/" + i0,schemaPath:"#/properties/entitlements/items/required",keyword:"required",params:{missingProperty: "resource"},message:"must have required property '"+"resource"+"'",schema:schema37.properties.entitlements.items.required,parentSchema:schema37.properties.entitlements.items,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.adoptedAt === undefined){
const err7 = {instancePath:instancePath+"/entitlements/" + i0,schemaPath:"#/properties/entitlements/items/required",keyword:"required",params:{missingProperty: "adoptedAt"},message:"must have required property '"+"adoptedAt"+"'",schema:schema37.properties.entitlements.items.required,parentSchema:schema37.properties.entitlements.items,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data2){
if(!((((key1 === "target") || (key1 === "kind")) || (key1 === "resource")) || (key1 === "adoptedAt"))){
const err8 = {instancePath:instancePath+"/entitlements/" + i0,schemaPath:"#/properties/entitlements/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.entitlements.items,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.target !== undefined){
let data3 = data2.target;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err9 = {instancePath:instancePath+"/entitlements/" + i0+"/target",schemaPath:"#/properties/entitlements/items/properties/target/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema37.properties.entitlements.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(formats0.validate(data3))){
const err10 = {instancePath:instancePath+"/entitlements/" + i0+"/target",schemaPath:"#/properties/entitlements/items/properties/target/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema37.properties.entitlements.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/entitlements/" + i0+"/target",schemaPath:"#/properties/entitlements/items/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.entitlements.items.properties.target.type,parentSchema:schema37.properties.entitlements.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.kind !== undefined){
let data4 = data2.kind;
if(typeof data4 === "string"){
if(func1(data4) > 63){
const err12 = {instancePath:instancePath+"/entitlements/" + i0+"/kind",schemaPath:"#/properties/entitlements/items/properties/kind/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema37.properties.entitlements.items.properties.kind,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func1(data4) < 1){
const err13 = {instancePath:instancePath+"/entitlements/" + i0+"/kind",schemaPath:"#/properties/entitlements/items/properties/kind/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.entitlements.items.properties.kind,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/entitlements/" + i0+"/kind",schemaPath:"#/properties/entitlements/items/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.entitlements.items.properties.kind.type,parentSchema:schema37.properties.entitlements.items.properties.kind,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2.resource !== undefined){
let data5 = data2.resource;
if(typeof data5 === "string"){
if(func1(data5) > 300){
const err15 = {instancePath:instancePath+"/entitlements/" + i0+"/resource",schemaPath:"#/properties/entitlements/items/properties/resource/maxLength",keyword:"maxLength",params:{limit: 300},message:"must NOT have more than 300 characters",schema:300,parentSchema:schema37.properties.entitlements.items.properties.resource,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(func1(data5) < 1){
const err16 = {instancePath:instancePath+"/entitlements/" + i0+"/resource",schemaPath:"#/properties/entitlements/items/properties/resource/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.entitlements.items.properties.resource,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/entitlements/" + i0+"/resource",schemaPath:"#/properties/entitlements/items/properties/resource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.entitlements.items.properties.resource.type,parentSchema:schema37.properties.entitlements.items.properties.resource,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data2.adoptedAt !== undefined){
let data6 = data2.adoptedAt;
if(typeof data6 === "string"){
if(!pattern24.test(data6)){
const err18 = {instancePath:instancePath+"/entitlements/" + i0+"/adoptedAt",schemaPath:"#/properties/entitlements/items/properties/adoptedAt/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$",parentSchema:schema37.properties.entitlements.items.properties.adoptedAt,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!(formats38.validate(data6))){
const err19 = {instancePath:instancePath+"/entitlements/" + i0+"/adoptedAt",schemaPath:"#/properties/entitlements/items/properties/adoptedAt/format",keyword:"format",params:{format: "oncall-access-instant"},message:"must match format \""+"oncall-access-instant"+"\"",schema:"oncall-access-instant",parentSchema:schema37.properties.entitlements.items.properties.adoptedAt,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/entitlements/" + i0+"/adoptedAt",schemaPath:"#/properties/entitlements/items/properties/adoptedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.entitlements.items.properties.adoptedAt.type,parentSchema:schema37.properties.entitlements.items.properties.adoptedAt,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/entitlements/" + i0,schemaPath:"#/properties/entitlements/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.entitlements.items.type,parentSchema:schema37.properties.entitlements.items,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/entitlements",schemaPath:"#/properties/entitlements/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.entitlements.type,parentSchema:schema37.properties.entitlements,data:data1};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const stateGrantsV1 = validate27;
const schema38 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/state-grants-v1.schema.json","title":"oncall-access grant ledger, version 1","description":"state/grants.json as versions before the entitlement format 2 wrote it (GitHub teams and repositories only). Still read, and converted: the next apply writes it again as version 2 (state-grants.schema.json).","type":"object","additionalProperties":false,"required":["formatVersion","grants"],"properties":{"formatVersion":{"description":"Version of the state file format.","const":1},"grants":{"description":"One holding per entry, sorted by target, team or repository, and login.","type":"array","items":{"description":"A team membership with its role, or a repository permission: exactly one of team and repository.","type":"object","additionalProperties":false,"required":["target","org","login","grantedAt"],"dependentRequired":{"team":["role"],"role":["team"],"repository":["permission"],"permission":["repository"]},"properties":{"target":{"description":"The target's name in the config.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"org":{"description":"The GitHub organisation.","type":"string","format":"oncall-access-login","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},"team":{"description":"The team slug, for a team membership.","type":"string","format":"oncall-access-slug","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},"role":{"description":"The team role granted.","enum":["member","maintainer"]},"repository":{"description":"The repository name, for a repository permission.","type":"string","format":"oncall-access-slug","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},"permission":{"description":"The repository permission granted.","enum":["pull","triage","push","maintain","admin"]},"login":{"description":"The GitHub login holding it.","type":"string","format":"oncall-access-login","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},"grantedAt":{"description":"When the apply that granted it ran.","type":"string","format":"oncall-access-instant","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"}}}}}};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/state-grants-v1.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.formatVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "formatVersion"},message:"must have required property '"+"formatVersion"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.grants === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "grants"},message:"must have required property '"+"grants"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "formatVersion") || (key0 === "grants"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.formatVersion !== undefined){
let data0 = data.formatVersion;
if(1 !== data0){
const err3 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema38.properties.formatVersion,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.grants !== undefined){
let data1 = data.grants;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.target === undefined){
const err4 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema38.properties.grants.items.required,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2.org === undefined){
const err5 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "org"},message:"must have required property '"+"org"+"'",schema:schema38.properties.grants.items.required,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2.login === undefined){
const err6 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "login"},message:"must have required property '"+"login"+"'",schema:schema38.properties.grants.items.required,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.grantedAt === undefined){
const err7 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "grantedAt"},message:"must have required property '"+"grantedAt"+"'",schema:schema38.properties.grants.items.required,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data2){
if(!((((((((key1 === "target") || (key1 === "org")) || (key1 === "team")) || (key1 === "role")) || (key1 === "repository")) || (key1 === "permission")) || (key1 === "login")) || (key1 === "grantedAt"))){
const err8 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.target !== undefined){
let data3 = data2.target;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err9 = {instancePath:instancePath+"/grants/" + i0+"/target",schemaPath:"#/properties/grants/items/properties/target/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema38.properties.grants.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(formats0.validate(data3))){
const err10 = {instancePath:instancePath+"/grants/" + i0+"/target",schemaPath:"#/properties/grants/items/properties/target/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema38.properties.grants.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/grants/" + i0+"/target",schemaPath:"#/properties/grants/items/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.grants.items.properties.target.type,parentSchema:schema38.properties.grants.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.org !== undefined){
let data4 = data2.org;
if(typeof data4 === "string"){
if(!pattern5.test(data4)){
const err12 = {instancePath:instancePath+"/grants/" + i0+"/org",schemaPath:"#/properties/grants/items/properties/org/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema38.properties.grants.items.properties.org,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(!(formats2.validate(data4))){
const err13 = {instancePath:instancePath+"/grants/" + i0+"/org",schemaPath:"#/properties/grants/items/properties/org/format",keyword:"format",params:{format: "oncall-access-login"},message:"must match format \""+"oncall-access-login"+"\"",schema:"oncall-access-login",parentSchema:schema38.properties.grants.items.properties.org,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/grants/" + i0+"/org",schemaPath:"#/properties/grants/items/properties/org/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.grants.items.properties.org.type,parentSchema:schema38.properties.grants.items.properties.org,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2.team !== undefined){
let data5 = data2.team;
if(typeof data5 === "string"){
if(!pattern16.test(data5)){
const err15 = {instancePath:instancePath+"/grants/" + i0+"/team",schemaPath:"#/properties/grants/items/properties/team/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",parentSchema:schema38.properties.grants.items.properties.team,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!(formats24.validate(data5))){
const err16 = {instancePath:instancePath+"/grants/" + i0+"/team",schemaPath:"#/properties/grants/items/properties/team/format",keyword:"format",params:{format: "oncall-access-slug"},message:"must match format \""+"oncall-access-slug"+"\"",schema:"oncall-access-slug",parentSchema:schema38.properties.grants.items.properties.team,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/grants/" + i0+"/team",schemaPath:"#/properties/grants/items/properties/team/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.grants.items.properties.team.type,parentSchema:schema38.properties.grants.items.properties.team,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data2.role !== undefined){
let data6 = data2.role;
if(!((data6 === "member") || (data6 === "maintainer"))){
const err18 = {instancePath:instancePath+"/grants/" + i0+"/role",schemaPath:"#/properties/grants/items/properties/role/enum",keyword:"enum",params:{allowedValues: schema38.properties.grants.items.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.grants.items.properties.role.enum,parentSchema:schema38.properties.grants.items.properties.role,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data2.repository !== undefined){
let data7 = data2.repository;
if(typeof data7 === "string"){
if(!pattern16.test(data7)){
const err19 = {instancePath:instancePath+"/grants/" + i0+"/repository",schemaPath:"#/properties/grants/items/properties/repository/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",parentSchema:schema38.properties.grants.items.properties.repository,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!(formats24.validate(data7))){
const err20 = {instancePath:instancePath+"/grants/" + i0+"/repository",schemaPath:"#/properties/grants/items/properties/repository/format",keyword:"format",params:{format: "oncall-access-slug"},message:"must match format \""+"oncall-access-slug"+"\"",schema:"oncall-access-slug",parentSchema:schema38.properties.grants.items.properties.repository,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/grants/" + i0+"/repository",schemaPath:"#/properties/grants/items/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.grants.items.properties.repository.type,parentSchema:schema38.properties.grants.items.properties.repository,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data2.permission !== undefined){
let data8 = data2.permission;
if(!(((((data8 === "pull") || (data8 === "triage")) || (data8 === "push")) || (data8 === "maintain")) || (data8 === "admin"))){
const err22 = {instancePath:instancePath+"/grants/" + i0+"/permission",schemaPath:"#/properties/grants/items/properties/permission/enum",keyword:"enum",params:{allowedValues: schema38.properties.grants.items.properties.permission.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.grants.items.properties.permission.enum,parentSchema:schema38.properties.grants.items.properties.permission,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data2.login !== undefined){
let data9 = data2.login;
if(typeof data9 === "string"){
if(!pattern5.test(data9)){
const err23 = {instancePath:instancePath+"/grants/" + i0+"/login",schemaPath:"#/properties/grants/items/properties/login/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema38.properties.grants.items.properties.login,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!(formats2.validate(data9))){
const err24 = {instancePath:instancePath+"/grants/" + i0+"/login",schemaPath:"#/properties/grants/items/properties/login/format",keyword:"format",params:{format: "oncall-access-login"},message:"must match format \""+"oncall-access-login"+"\"",schema:"oncall-access-login",parentSchema:schema38.properties.grants.items.properties.login,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/grants/" + i0+"/login",schemaPath:"#/properties/grants/items/properties/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.grants.items.properties.login.type,parentSchema:schema38.properties.grants.items.properties.login,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data2.grantedAt !== undefined){
let data10 = data2.grantedAt;
if(typeof data10 === "string"){
if(!pattern24.test(data10)){
const err26 = {instancePath:instancePath+"/grants/" + i0+"/grantedAt",schemaPath:"#/properties/grants/items/properties/grantedAt/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$",parentSchema:schema38.properties.grants.items.properties.grantedAt,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!(formats38.validate(data10))){
const err27 = {instancePath:instancePath+"/grants/" + i0+"/grantedAt",schemaPath:"#/properties/grants/items/properties/grantedAt/format",keyword:"format",params:{format: "oncall-access-instant"},message:"must match format \""+"oncall-access-instant"+"\"",schema:"oncall-access-instant",parentSchema:schema38.properties.grants.items.properties.grantedAt,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/grants/" + i0+"/grantedAt",schemaPath:"#/properties/grants/items/properties/grantedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.grants.items.properties.grantedAt.type,parentSchema:schema38.properties.grants.items.properties.grantedAt,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data2.team !== undefined){
if(data2.role === undefined){
const err29 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/dependentRequired",keyword:"dependentRequired",params:{property: "team",
    missingProperty: "role",
    depsCount: 1,
    deps: "role"},message:"must have property role when property team is present",schema:schema38.properties.grants.items.dependentRequired,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data2.role !== undefined){
if(data2.team === undefined){
const err30 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/dependentRequired",keyword:"dependentRequired",params:{property: "role",
    missingProperty: "team",
    depsCount: 1,
    deps: "team"},message:"must have property team when property role is present",schema:schema38.properties.grants.items.dependentRequired,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data2.repository !== undefined){
if(data2.permission === undefined){
const err31 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/dependentRequired",keyword:"dependentRequired",params:{property: "repository",
    missingProperty: "permission",
    depsCount: 1,
    deps: "permission"},message:"must have property permission when property repository is present",schema:schema38.properties.grants.items.dependentRequired,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data2.permission !== undefined){
if(data2.repository === undefined){
const err32 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/dependentRequired",keyword:"dependentRequired",params:{property: "permission",
    missingProperty: "repository",
    depsCount: 1,
    deps: "repository"},message:"must have property repository when property permission is present",schema:schema38.properties.grants.items.dependentRequired,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties.grants.items.type,parentSchema:schema38.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/grants",schemaPath:"#/properties/grants/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.grants.type,parentSchema:schema38.properties.grants,data:data1};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const stateGrants = validate28;
const schema39 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/state-grants.schema.json","title":"oncall-access grant ledger","description":"state/grants.json, written by apply: every holding this tool granted and has not revoked. Not edited by hand: on an additive entitlement apply revokes only what an applied grant in the audit log also records. A version 1 ledger (state-grants-v1.schema.json) is still read.","type":"object","additionalProperties":false,"required":["formatVersion","grants"],"properties":{"formatVersion":{"description":"Version of the state file format.","const":2},"grants":{"description":"One holding per entry, sorted by target, kind, resource and login.","type":"array","items":{"description":"One account holding one entitlement at the level granted.","type":"object","additionalProperties":false,"required":["target","kind","resource","level","login","grantedAt"],"properties":{"target":{"description":"The target's name in the config.","type":"string","format":"oncall-access-name","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"kind":{"description":"The kind of entitlement, as its target declares it (GitHub: team, repository).","type":"string","minLength":1,"maxLength":63},"resource":{"description":"What is granted, in the target's words (GitHub: org/team-slug, org/repository).","type":"string","minLength":1,"maxLength":300},"level":{"description":"The level granted (GitHub: the team role, or the repository permission).","type":"string","minLength":1,"maxLength":63},"login":{"description":"The account holding it on the target: a GitHub login, an Okta login.","type":"string","format":"oncall-access-account","pattern":"^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$"},"grantedAt":{"description":"When the apply that granted it ran.","type":"string","format":"oncall-access-instant","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"}}}}}};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/state-grants.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.formatVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "formatVersion"},message:"must have required property '"+"formatVersion"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.grants === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "grants"},message:"must have required property '"+"grants"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "formatVersion") || (key0 === "grants"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.formatVersion !== undefined){
let data0 = data.formatVersion;
if(2 !== data0){
const err3 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/const",keyword:"const",params:{allowedValue: 2},message:"must be equal to constant",schema:2,parentSchema:schema39.properties.formatVersion,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.grants !== undefined){
let data1 = data.grants;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.target === undefined){
const err4 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema39.properties.grants.items.required,parentSchema:schema39.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2.kind === undefined){
const err5 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema39.properties.grants.items.required,parentSchema:schema39.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2.resource === undefined){
const err6 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "resource"},message:"must have required property '"+"resource"+"'",schema:schema39.properties.grants.items.required,parentSchema:schema39.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.level === undefined){
const err7 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "level"},message:"must have required property '"+"level"+"'",schema:schema39.properties.grants.items.required,parentSchema:schema39.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.login === undefined){
const err8 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "login"},message:"must have required property '"+"login"+"'",schema:schema39.properties.grants.items.required,parentSchema:schema39.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data2.grantedAt === undefined){
const err9 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: "grantedAt"},message:"must have required property '"+"grantedAt"+"'",schema:schema39.properties.grants.items.required,parentSchema:schema39.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data2){
if(!((((((key1 === "target") || (key1 === "kind")) || (key1 === "resource")) || (key1 === "level")) || (key1 === "login")) || (key1 === "grantedAt"))){
const err10 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.target !== undefined){
let data3 = data2.target;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err11 = {instancePath:instancePath+"/grants/" + i0+"/target",schemaPath:"#/properties/grants/items/properties/target/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema39.properties.grants.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!(formats0.validate(data3))){
const err12 = {instancePath:instancePath+"/grants/" + i0+"/target",schemaPath:"#/properties/grants/items/properties/target/format",keyword:"format",params:{format: "oncall-access-name"},message:"must match format \""+"oncall-access-name"+"\"",schema:"oncall-access-name",parentSchema:schema39.properties.grants.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/grants/" + i0+"/target",schemaPath:"#/properties/grants/items/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.grants.items.properties.target.type,parentSchema:schema39.properties.grants.items.properties.target,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.kind !== undefined){
let data4 = data2.kind;
if(typeof data4 === "string"){
if(func1(data4) > 63){
const err14 = {instancePath:instancePath+"/grants/" + i0+"/kind",schemaPath:"#/properties/grants/items/properties/kind/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema39.properties.grants.items.properties.kind,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func1(data4) < 1){
const err15 = {instancePath:instancePath+"/grants/" + i0+"/kind",schemaPath:"#/properties/grants/items/properties/kind/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.grants.items.properties.kind,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/grants/" + i0+"/kind",schemaPath:"#/properties/grants/items/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.grants.items.properties.kind.type,parentSchema:schema39.properties.grants.items.properties.kind,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data2.resource !== undefined){
let data5 = data2.resource;
if(typeof data5 === "string"){
if(func1(data5) > 300){
const err17 = {instancePath:instancePath+"/grants/" + i0+"/resource",schemaPath:"#/properties/grants/items/properties/resource/maxLength",keyword:"maxLength",params:{limit: 300},message:"must NOT have more than 300 characters",schema:300,parentSchema:schema39.properties.grants.items.properties.resource,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(func1(data5) < 1){
const err18 = {instancePath:instancePath+"/grants/" + i0+"/resource",schemaPath:"#/properties/grants/items/properties/resource/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.grants.items.properties.resource,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/grants/" + i0+"/resource",schemaPath:"#/properties/grants/items/properties/resource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.grants.items.properties.resource.type,parentSchema:schema39.properties.grants.items.properties.resource,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data2.level !== undefined){
let data6 = data2.level;
if(typeof data6 === "string"){
if(func1(data6) > 63){
const err20 = {instancePath:instancePath+"/grants/" + i0+"/level",schemaPath:"#/properties/grants/items/properties/level/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema39.properties.grants.items.properties.level,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(func1(data6) < 1){
const err21 = {instancePath:instancePath+"/grants/" + i0+"/level",schemaPath:"#/properties/grants/items/properties/level/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.grants.items.properties.level,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/grants/" + i0+"/level",schemaPath:"#/properties/grants/items/properties/level/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.grants.items.properties.level.type,parentSchema:schema39.properties.grants.items.properties.level,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data2.login !== undefined){
let data7 = data2.login;
if(typeof data7 === "string"){
if(!pattern54.test(data7)){
const err23 = {instancePath:instancePath+"/grants/" + i0+"/login",schemaPath:"#/properties/grants/items/properties/login/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$",parentSchema:schema39.properties.grants.items.properties.login,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!(formats94.validate(data7))){
const err24 = {instancePath:instancePath+"/grants/" + i0+"/login",schemaPath:"#/properties/grants/items/properties/login/format",keyword:"format",params:{format: "oncall-access-account"},message:"must match format \""+"oncall-access-account"+"\"",schema:"oncall-access-account",parentSchema:schema39.properties.grants.items.properties.login,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/grants/" + i0+"/login",schemaPath:"#/properties/grants/items/properties/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.grants.items.properties.login.type,parentSchema:schema39.properties.grants.items.properties.login,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data2.grantedAt !== undefined){
let data8 = data2.grantedAt;
if(typeof data8 === "string"){
if(!pattern24.test(data8)){
const err26 = {instancePath:instancePath+"/grants/" + i0+"/grantedAt",schemaPath:"#/properties/grants/items/properties/grantedAt/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$",parentSchema:schema39.properties.grants.items.properties.grantedAt,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!(formats38.validate(data8))){
const err27 = {instancePath:instancePath+"/grants/" + i0+"/grantedAt",schemaPath:"#/properties/grants/items/properties/grantedAt/format",keyword:"format",params:{format: "oncall-access-instant"},message:"must match format \""+"oncall-access-instant"+"\"",schema:"oncall-access-instant",parentSchema:schema39.properties.grants.items.properties.grantedAt,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/grants/" + i0+"/grantedAt",schemaPath:"#/properties/grants/items/properties/grantedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.grants.items.properties.grantedAt.type,parentSchema:schema39.properties.grants.items.properties.grantedAt,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.grants.items.type,parentSchema:schema39.properties.grants.items,data:data2};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/grants",schemaPath:"#/properties/grants/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.grants.type,parentSchema:schema39.properties.grants,data:data1};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const stateRotations = validate29;
const schema40 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oncall-access.dev/schemas/state-rotations.schema.json","title":"oncall-access on-call counts","description":"state/rotations.json, written by apply: how many people each rotation had on call at the last apply, for the empty-rotation guard.","type":"object","additionalProperties":false,"required":["formatVersion","rotations"],"properties":{"formatVersion":{"description":"Version of the state file format.","const":1},"rotations":{"description":"One rotation per entry, sorted by key.","type":"array","items":{"description":"A rotation and its count.","type":"object","additionalProperties":false,"required":["key","onCall"],"properties":{"key":{"description":"The rotation binding: source, kind and id, like rotations/rotation/payments-primary.","type":"string","minLength":1,"maxLength":500},"onCall":{"description":"People on call in it at the last apply.","type":"integer","minimum":0}}}}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://oncall-access.dev/schemas/state-rotations.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.formatVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "formatVersion"},message:"must have required property '"+"formatVersion"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.rotations === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rotations"},message:"must have required property '"+"rotations"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "formatVersion") || (key0 === "rotations"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.formatVersion !== undefined){
let data0 = data.formatVersion;
if(1 !== data0){
const err3 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema40.properties.formatVersion,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.rotations !== undefined){
let data1 = data.rotations;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.key === undefined){
const err4 = {instancePath:instancePath+"/rotations/" + i0,schemaPath:"#/properties/rotations/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema40.properties.rotations.items.required,parentSchema:schema40.properties.rotations.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2.onCall === undefined){
const err5 = {instancePath:instancePath+"/rotations/" + i0,schemaPath:"#/properties/rotations/items/required",keyword:"required",params:{missingProperty: "onCall"},message:"must have required property '"+"onCall"+"'",schema:schema40.properties.rotations.items.required,parentSchema:schema40.properties.rotations.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key1 in data2){
if(!((key1 === "key") || (key1 === "onCall"))){
const err6 = {instancePath:instancePath+"/rotations/" + i0,schemaPath:"#/properties/rotations/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.rotations.items,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.key !== undefined){
let data3 = data2.key;
if(typeof data3 === "string"){
if(func1(data3) > 500){
const err7 = {instancePath:instancePath+"/rotations/" + i0+"/key",schemaPath:"#/properties/rotations/items/properties/key/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema40.properties.rotations.items.properties.key,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(func1(data3) < 1){
const err8 = {instancePath:instancePath+"/rotations/" + i0+"/key",schemaPath:"#/properties/rotations/items/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.rotations.items.properties.key,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/rotations/" + i0+"/key",schemaPath:"#/properties/rotations/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.rotations.items.properties.key.type,parentSchema:schema40.properties.rotations.items.properties.key,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.onCall !== undefined){
let data4 = data2.onCall;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/rotations/" + i0+"/onCall",schemaPath:"#/properties/rotations/items/properties/onCall/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.rotations.items.properties.onCall.type,parentSchema:schema40.properties.rotations.items.properties.onCall,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/rotations/" + i0+"/onCall",schemaPath:"#/properties/rotations/items/properties/onCall/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.rotations.items.properties.onCall,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/rotations/" + i0,schemaPath:"#/properties/rotations/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.rotations.items.type,parentSchema:schema40.properties.rotations.items,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/rotations",schemaPath:"#/properties/rotations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.rotations.type,parentSchema:schema40.properties.rotations,data:data1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


/** Each schema's validator, by its file name in schemas/. */
export const VALIDATORS: Record<string, ValidateFunction> = {
  'access-profile.schema.json': accessProfile,
  'access-request.schema.json': accessRequest,
  'config.schema.json': config,
  'identities.schema.json': identities,
  'rotation.schema.json': rotation,
  'state-adopted-v1.schema.json': stateAdoptedV1,
  'state-adopted.schema.json': stateAdopted,
  'state-grants-v1.schema.json': stateGrantsV1,
  'state-grants.schema.json': stateGrants,
  'state-rotations.schema.json': stateRotations,
};
