# 关于字段的检查结果：必填、认识、写法正确。还有“哪一段”的说法。

## 哪一段、哪段文字
what-proposal = 提议
what-minutes = 会议记录
what-report = 督办报告
what-page = 页面
what-translation = 译文
what-translations = 翻译一段
what-translation-lang = `{ $lang }` 译文
what-file = { $file }
what-table = `[{ $table }]` 一段
what-member-n = 第 { $n } 位成员
what-member = 成员 `{ $id }`
what-item-n = 第 { $n } 个会议事项
what-item-about = 关于 `{ $proposal }` 的会议事项
what-votes = 票数（votes）
what-field = `{ $key }`
what-text = 正文
what-meeting-item = 会议事项
what-a-report = 督办报告
what-link = 链接
what-image = 图片

## 值的类型
type-string = 文字
type-integer = 整数
type-float = 小数
type-boolean = true 或 false
type-date = 日期
type-list = 列表
type-table = 一段表格
expected-text = 加英文双引号的文字
expected-list = 方括号里的列表
expected-texts = 方括号里、每项都加英文双引号的列表
expected-tables = `[[…]]` 写的几段

## 多处共用的提示
help-did-you-mean = 是不是想写 `{ $code }`？
help-did-you-mean-one-of = 是不是想写 `{ $code }`？`{ $key }` 只能是 { $list } 之一
help-one-of = `{ $key }` 只能是 { $list } 之一
help-write-it-like = 写成这样：`{ $example }`
help-write-only-the-day = 只写日期，不写时间：`{ $example }`
help-remove-quotes = 去掉引号：`{ $fixed }`
help-date-fix = 日期写成“年-月-日”，不加引号：`{ $fixed }`

## missing-field
missing-field = { $what }缺少字段 `{ $key }`
missing-field-label = 必须填写 `{ $key }`
missing-field-help = 加上一行 `{ $example }`，换成正确的值
missing-field-table-help = 加上这样一段，换成真实的内容：{"\u000A"}{ $example }
votes-missing-help = 赞成、反对、弃权三项都要写，没有人就写 0：`{ $fixed }`（对照会议记录核对 `{ $key }`）
outcome-needs-help = 结果为 `{ $outcome }` 的决定要写 `{ $key }`：加上 `{ $example }`
withdrawn-reason-without-date-help = 写了撤回原因，就要写撤回日期：加上 `withdrawn = 日期`，或者删掉 `withdrawn_reason`

## unknown-field
unknown-field = { $what }里有不认识的字段 `{ $key }`
unknown-field-label = 不认识的字段
unknown-field-no-fields-help = 这一段不能写字段，请删掉它
unknown-field-known-help = 这里可以写的字段有：{ $known }
field-below-table-help = `{ $key }` 要写在第一个 `[[…]]` 之前：写在 `[[…]]` 下面的字段都属于那一段。把这一行移到上面去

## invalid-value
wrong-type = `{ $key }` 应当是{ $expected }，不是{ $found }
wrong-type-label = 应当是{ $expected }
field-empty = `{ $key }` 是空的
field-empty-label = 空的
field-empty-help = 写上内容；如果这个字段可以不写，就删掉这一行
placeholder-left = { $what }里还留着 `council new` 写的待填写内容
placeholder-label = 待填写
placeholder-help = 把【】里的文字换成真实内容，并删掉【】
date-not-real = `{ $key }` 不是一个真实的日期
date-not-real-label = 没有这一天
date-not-real-help = 核对月份和日子：这个月没有这么多天
date-with-time = `{ $key }` 只写日期，不写时间
date-with-time-label = 写了时间
date-in-quotes = `{ $key }` 的日期加了引号
date-as-text = `{ $key }` 的日期写成了文字：`{ $text }`
date-as-text-label = 这是文字，不是日期
int-out-of-range = `{ $key }` 要在 { $min } 到 { $max } 之间
int-out-of-range-label = 超出范围
int-out-of-range-help = 写 { $min } 到 { $max } 之间的整数
not-one-of = `{ $value }` 不是 `{ $key }` 可以写的值
not-one-of-label = 不是规定的写法
id-malformed = `{ $value }` 不能用作 `{ $key }` 的编号
id-malformed-label = 编号写法不对
id-malformed-help = 编号只用小写字母 a-z、数字和 `-`，以字母或数字开头，例如 `wang-li` 或 `2022-001`
lang-not-translation = `{ $lang }` 不是本网站的翻译语言
lang-not-translation-label = 不认识的语言
lang-only-one-help = 网站只有一种语言（`{ $default }`）：在 site.toml 的 `languages` 里加上 `{ $lang }`，或者删掉这一段
lang-default-fields-help = `{ $lang }` 是默认语言：它的内容就是记录本身的字段
lang-others-help = 网站的其他语言是 { $others }；要用 `{ $lang }`，先在 site.toml 的 `languages` 里加上它
lang-suffix-default-help = `{ $lang }` 是默认语言：默认语言的内容就是记录本身，文件名不加语言后缀
name-not-address = { $what } `{ $name }` 不能用作网址
name-folder = 文件夹名
name-page = 页面名
name-file = 文件名
name-route-help = 只用英文字母、数字、`-` 和 `_`，以字母或数字开头，例如 `grid-03`
name-char-help = 名字里有 `{ $char }`；请只用字母、数字、空格、`-`、`_` 和 `.` 重新命名
lang-suffix-add-help = 在 site.toml 的 `languages`（现在是 { $languages }）里加上 `{ $lang }`，或者给文件改名
base-url-not-absolute = `base_url` 要写完整的网址：{ $problem }
base-url-blanks = 里面有空格、控制字符、引号或尖括号
base-url-not-url = 这不是一个有效的网址
base-url-scheme = 没有以 `https://` 或 `http://` 开头
base-url-no-host = 没有写域名
base-url-credentials = 里面有用户名或密码
base-url-query = 里面有查询参数（`?`）或片段（`#`）
base-url-not-absolute-label = 不是 http(s) 网址
base-url-not-absolute-help = 写网站发布的完整地址，例如 `https://yishi.example.org/`
language-code-bad = `{ $value }` 不是语言代码
language-code-bad-label = 不是语言代码
language-code-bad-help = 用简短的语言代码，例如 `zh` 或 `en`
language-twice = 语言 `{ $value }` 写了两次
language-twice-label = 重复
language-twice-help = 每种语言只写一次
languages-empty = `languages` 是空的
languages-empty-label = 没有语言
languages-empty-help = 至少写上默认语言，例如 `languages = ["zh"]`
theme-not-folder = `theme` 要写 themes/ 下的一个文件夹名
theme-not-folder-label = 不是文件夹名
theme-not-folder-help = 只写文件夹的名字，例如 `theme = "default"`
extra-not-table = `extra` 要写成一段表格
extra-not-table-label = 不是表格
extra-not-table-help = 写成 `[extra]`，下面一行一个字段
quorum-bad = `{ $value }` 不是有效的法定人数
quorum-bad-label = 不是 a/b 形式的分数
quorum-bad-help = 写一个不大于 1 的分数，例如 `quorum = "2/3"`
member-to-before-from = `to` 早于 `from`
member-to-before-from-label = 结束早于开始
member-from-label = 从这一天开始
member-to-before-from-help = `to` 是成员任职的最后一天，不能早于 `from`
git-not-email = `git` 里有一项不是电子邮箱地址
git-not-email-label = 不是电子邮箱
git-not-email-help = 写成员提交记录时用的邮箱，和 `git config user.email` 显示的一样
ssh-key-bad = `keys` 里有一把写错的 SSH 公钥：{ $why }
ssh-key-bad-label = 不是 SSH 公钥
ssh-key-bad-help = 把 `.pub` 文件里的一整行都粘贴过来，例如 `ssh-ed25519 AAAAC3Nza… name@example.org`
ssh-key-kind = 不支持 `{ $kind }` 类型的公钥：council 无法验证这种密钥的签名（请用 ssh-ed25519，或 { $others } 中的一种）
ssh-key-parse = { $detail }
withdrawn-before-submitted = 提议的撤回日期早于提出日期
withdrawn-before-submitted-label = 早于 `submitted`
withdrawn-before-submitted-help = 核对两个日期：`withdrawn` 是提议人撤回这件事的日期
submitted-here-label = 在这一天提出
deliberate-with-outcome = `deliberate`（审议）事项没有结果
deliberate-with-outcome-label = 审议事项写了结果
deliberate-with-outcome-help = 如果议事会作了表决，写 `action = "decide"`；否则删掉 `outcome`
due-before-meeting = `due`（完成期限）早于会议日期
due-before-meeting-label = 表决时期限已经过了
due-before-meeting-help = `due` 是落实的完成期限，要晚于会议的 `date`
by-empty = `by` 里没有写人
by-empty-help = 写监督员的成员编号，例如 `by = ["li-ming"]`
stem-bad = `{ $stem }` 不能用作{ $what }的文件名
stem-bad-help = 把文件改名为 `{ $name }`：文件名只用字母、数字、`-` 和 `_`
proposal-stem-bad = `{ $stem }` 不能用作提议的文件名
proposal-stem-bad-help = 提议的文件名就是它的编号（只用小写字母、数字和 `-`）：把文件改名为 `{ $name }`

## Return visits and referrals (SPEC §8)
what-feedback = 回访记录
by-empty-feedback-help = 写上参加回访的成员编号，例如 `by = ["wang-li"]`
referred-from-bad = `{ $value }` 不是本网站某个议事会的事项
referred-from-bad-label = 不是“议事会编号/提议编号”
referred-from-bad-help = 写原议事会的编号和原提议的编号，例如 `referred_from = "huangtai/grid-03/2025-004"`
what-source-n = 第 { $n } 个来源
source-url-not-http = `url` 必须是 http:// 或 https:// 开头的地址
source-url-not-http-help = 写街道网站的发布地址，例如 `url = "https://example.org/liaoning-road/"`；如果是文件夹，请用 `site`
source-site-and-url = 一个来源同时写了 `site` 和 `url`
source-site-and-url-label = 只保留一个
source-site-and-url-help = 文件夹里的网站副本用 `site`，街道网站的地址用 `url`，两者只写一个
source-no-location = 一个来源既没有 `site` 也没有 `url`
source-no-location-label = 这个来源
source-no-location-help = 加上 `url = "https://…/"`（街道网站的发布地址）或 `site = "…"`（放着网站副本的文件夹）
duplicate-source = 有两个来源的编号都是 `{ $id }`
duplicate-source-help = 每个街道用不同的编号：它是街道在城市网站地址中的代号
